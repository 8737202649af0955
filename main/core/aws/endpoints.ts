/**
 * Configured endpoints, resolved the way the AWS SDKs document it, so the scan can show which
 * endpoint each service used: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's
 * [services] section, then the profile's endpoint_url. Undefined means the AWS default endpoint.
 */
import type { ServiceKey } from './clients.ts';
import type { AwsConfigFiles } from './config-files.ts';

/** Our service keys -> the SDK's service identifiers for env vars (upper) and config keys (lower). */
const SERVICE_IDS: Readonly<Record<ServiceKey, string>> = {
  sts: 'STS',
  ec2: 'EC2',
  iam: 'IAM',
  s3: 'S3',
  s3control: 'S3_CONTROL',
  cloudtrail: 'CLOUDTRAIL',
  kms: 'KMS',
  rds: 'RDS',
  efs: 'EFS',
  dynamodb: 'DYNAMODB',
  backup: 'BACKUP',
  logs: 'CLOUDWATCH_LOGS',
  cloudwatch: 'CLOUDWATCH',
  sns: 'SNS',
  ssm: 'SSM',
  inspector2: 'INSPECTOR2',
  lambda: 'LAMBDA',
  eks: 'EKS',
  accessanalyzer: 'ACCESSANALYZER',
  config: 'CONFIG_SERVICE',
  guardduty: 'GUARDDUTY',
  securityhub: 'SECURITYHUB',
  organizations: 'ORGANIZATIONS',
};

export function resolveEndpoint(
  service: string,
  profile: string,
  files: AwsConfigFiles,
  env: NodeJS.ProcessEnv,
): string | undefined {
  const section = files.config[profile] ?? {};
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? section.ignore_configured_endpoint_urls;
  if (ignore?.toLowerCase() === 'true') return undefined;
  const id = SERVICE_IDS[service as ServiceKey] ?? service.toUpperCase();
  const fromEnv = env[`AWS_ENDPOINT_URL_${id}`] || env.AWS_ENDPOINT_URL;
  if (fromEnv) return fromEnv;
  if (section.services) {
    const services = files.config[`services.${section.services}`] ?? {};
    const value = services[`${id.toLowerCase()}.endpoint_url`];
    if (value) return value;
  }
  return section.endpoint_url || undefined;
}
