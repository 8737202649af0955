/**
 * The data behind mapping an imported finding onto Leasehold's six areas. Each table answers one
 * question; area-map.ts says in which order they are asked and why.
 */
import type { Area } from '../../../shared/model/area.ts';

/**
 * Controls of families that span several areas, placed where /work/shared/CHECKS.md puts them
 * (e.g. EC2.7 EBS default encryption is data protection, EC2.8 IMDSv2 is OS maintenance,
 * CloudTrail.2 trail encryption is data protection). Controls a Leasehold check tests are placed
 * by that check's area first, so this table only matters for controls Leasehold does not test.
 */
export const CONTROL_AREAS: Readonly<Record<string, Area>> = {
  'EC2.1': 'data-protection',
  'EC2.2': 'network',
  'EC2.3': 'data-protection',
  'EC2.4': 'compute-maintenance',
  'EC2.6': 'network',
  'EC2.7': 'data-protection',
  'EC2.8': 'compute-maintenance',
  'EC2.9': 'network',
  'EC2.10': 'network',
  'EC2.15': 'network',
  'EC2.18': 'network',
  'EC2.19': 'network',
  'EC2.21': 'network',
  'EC2.53': 'network',
  'EC2.54': 'network',
  'RDS.1': 'data-protection',
  'RDS.2': 'network',
  'RDS.3': 'data-protection',
  'RDS.4': 'data-protection',
  'RDS.13': 'compute-maintenance',
  'RDS.27': 'data-protection',
  'RDS.35': 'compute-maintenance',
  'CloudTrail.2': 'data-protection',
  'Lambda.1': 'identity-access',
  'Lambda.2': 'compute-maintenance',
  'Lambda.3': 'network',
  'EKS.1': 'network',
  'EKS.2': 'compute-maintenance',
  'EKS.3': 'data-protection',
  'EKS.8': 'logging-monitoring',
};

/** Control families that belong to one area whatever the control number. */
export const FAMILY_AREAS: Readonly<Record<string, Area>> = {
  S3: 's3',
  IAM: 'identity-access',
  Account: 'identity-access',
  KMS: 'data-protection',
  EFS: 'data-protection',
  DynamoDB: 'data-protection',
  Backup: 'data-protection',
  SecretsManager: 'data-protection',
  ACM: 'data-protection',
  Macie: 'data-protection',
  CloudTrail: 'logging-monitoring',
  Config: 'logging-monitoring',
  CloudWatch: 'logging-monitoring',
  GuardDuty: 'logging-monitoring',
  SecurityHub: 'logging-monitoring',
  SSM: 'compute-maintenance',
  Inspector: 'compute-maintenance',
  Lambda: 'compute-maintenance',
  ECR: 'compute-maintenance',
  ECS: 'compute-maintenance',
  EKS: 'compute-maintenance',
  AutoScaling: 'compute-maintenance',
  ELB: 'network',
  WAF: 'network',
  NetworkFirewall: 'network',
};

/** Families whose controls span areas: used only when neither the control nor its resource decided. */
export const MIXED_FAMILY_DEFAULTS: Readonly<Record<string, Area>> = {
  EC2: 'network',
  RDS: 'data-protection',
};

/** ASFF resource types, by prefix (longest first wins). AwsAccount says nothing about the area. */
export const RESOURCE_TYPE_AREAS: readonly (readonly [string, Area])[] = [
  ['AwsS3', 's3'],
  ['AwsIam', 'identity-access'],
  ['AwsEc2SecurityGroup', 'network'],
  ['AwsEc2NetworkAcl', 'network'],
  ['AwsEc2NetworkInterface', 'network'],
  ['AwsEc2Vpc', 'network'],
  ['AwsEc2Subnet', 'network'],
  ['AwsEc2Eip', 'network'],
  ['AwsEc2RouteTable', 'network'],
  ['AwsEc2TransitGateway', 'network'],
  ['AwsElb', 'network'],
  ['AwsWaf', 'network'],
  ['AwsNetworkFirewall', 'network'],
  ['AwsCloudFront', 'network'],
  ['AwsEc2Instance', 'compute-maintenance'],
  ['AwsEc2LaunchTemplate', 'compute-maintenance'],
  ['AwsLambda', 'compute-maintenance'],
  ['AwsEcr', 'compute-maintenance'],
  ['AwsEcs', 'compute-maintenance'],
  ['AwsEks', 'compute-maintenance'],
  ['AwsAutoScaling', 'compute-maintenance'],
  ['AwsSsm', 'compute-maintenance'],
  ['AwsEc2Volume', 'data-protection'],
  ['AwsKms', 'data-protection'],
  ['AwsRds', 'data-protection'],
  ['AwsDynamoDb', 'data-protection'],
  ['AwsEfs', 'data-protection'],
  ['AwsBackup', 'data-protection'],
  ['AwsSecretsManager', 'data-protection'],
  ['AwsCertificateManager', 'data-protection'],
  ['AwsSnsTopic', 'data-protection'],
  ['AwsSqsQueue', 'data-protection'],
  ['AwsCloudTrail', 'logging-monitoring'],
  ['AwsLogs', 'logging-monitoring'],
  ['AwsCloudWatch', 'logging-monitoring'],
];

/**
 * AWS Config rule names (managed rule identifiers are kebab-case, e.g. "encrypted-volumes"), first
 * match wins: S3 and IAM before the generic words, maintenance before "encrypt" and "log".
 */
export const CONFIG_RULE_AREAS: readonly (readonly [RegExp, Area])[] = [
  [/\bs3-/, 's3'],
  [/\biam-|root-account|mfa|access-keys|password-policy/, 'identity-access'],
  [/managedinstance|patch|approved-amis|runtime|imdsv2|minor-version-upgrade|engine-version|eks-cluster-(?:oldest|supported)/, 'compute-maintenance'],
  [/restricted-ssh|restricted-common-ports|incoming-ssh|vpc-|security-group|nacl|subnet|public-ip|internet-gateway|elb-|alb-|waf|network-firewall|public-access-check|inside-vpc/, 'network'],
  [/encrypt|kms|backup|snapshot|pitr|point-in-time|efs-|dynamodb|secretsmanager|acm-/, 'data-protection'],
  [/cloudtrail|cloud-trail|cloudwatch|guardduty|securityhub|config|log|alarm/, 'logging-monitoring'],
];
