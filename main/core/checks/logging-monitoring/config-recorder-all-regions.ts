import type { ConfigurationRecorder, ConfigurationRecorderStatus } from '@aws-sdk/client-config-service';
import { ORG_SERVICE_PRINCIPALS } from '../../collect/organizations.ts';
import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { offLocally, ORG_NEEDS } from './support/organization.ts';

const meta = {
  id: 'config-recorder-all-regions',
  title: 'AWS Config records all resource types in every region',
  area: 'logging-monitoring',
  service: 'config',
  severity: 'medium',
  responsibility:
    'Keeping a history of how your resources are configured is your job. An AWS Config recorder that records every supported resource type, in every region you use, answers "what changed, and when" during an audit or an incident.',
  risk: 'Without Config recording, changes to security groups, IAM and storage leave no configuration history, and Config rules and Security Hub controls in that region have nothing to evaluate.',
  remediation: {
    console: 'AWS Config console (in each region) > Settings > Edit > Recording strategy: All resource types with customizable overrides, choose a delivery bucket, then Start recording. Include global resources (IAM) in one region.',
    cli: 'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> --recording-group allSupported=true,includeGlobalResourceTypes=true\naws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=<bucket>\naws configservice start-configuration-recorder --configuration-recorder-name default',
    terraform: 'resource "aws_config_configuration_recorder" "main" {\n  name     = "default"\n  role_arn = aws_iam_role.config.arn\n  recording_group {\n    all_supported                 = true\n    include_global_resource_types = true\n  }\n}\n\nresource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = true\n  depends_on = [aws_config_delivery_channel.main]\n}',
  },
  references: ['https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html', 'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html'],
} as const satisfies Check['meta'];

const PRINCIPALS = [ORG_SERVICE_PRINCIPALS.config, ORG_SERVICE_PRINCIPALS.configMultiAccount];

/** What a recorder covers: undefined when the recording group is missing from the response. */
function coverage(r: ConfigurationRecorder): { full: boolean; what: string } | undefined {
  const g = r.recordingGroup;
  if (!g) return undefined;
  const strategy = g.recordingStrategy?.useOnly;
  if (g.allSupported === true || strategy === 'ALL_SUPPORTED_RESOURCE_TYPES') return { full: true, what: 'all supported resource types' };
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
    const excluded = g.exclusionByResourceTypes?.resourceTypes ?? [];
    return { full: false, what: `all resource types except ${excluded.length} (${excluded.slice(0, 5).join(', ')}${excluded.length > 5 ? '...' : ''})` };
  }
  const types = g.resourceTypes ?? [];
  return { full: false, what: `only ${types.length} selected resource type(s)` };
}

export const configRecorderAllRegions: Check = {
  meta,
  needs: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus', ...ORG_NEEDS],
  evaluate(snap) {
    return snap.meta.regions.map((region) => {
      const resource = accountResource(snap, region, 'AWS Config');
      const recorders = snap.read<ConfigurationRecorder[]>('config:DescribeConfigurationRecorders', region);
      if (!recorders.ok) return notAssessed(meta, snap, resource, recorders);
      if (recorders.data.length === 0) {
        return offLocally(meta, snap, resource, PRINCIPALS, 'AWS Config', `AWS Config has no configuration recorder in ${region}`, [evidence(recorders, [])]);
      }
      const statuses = snap.read<ConfigurationRecorderStatus[]>('config:DescribeConfigurationRecorderStatus', region);
      if (!statuses.ok) return notAssessed(meta, snap, resource, statuses);
      // Service-linked recorders (servicePrincipal set) record for one service only; a customer recorder must say what it records.
      if (recorders.data.some((r) => !r.servicePrincipal && !coverage(r))) return missingField(meta, snap, resource, recorders, 'recordingGroup');
      if (statuses.data.some((st) => typeof st.recording !== 'boolean')) return missingField(meta, snap, resource, statuses, 'recording');
      const problems: string[] = [];
      const proof = [
        evidence(recorders, recorders.data.map((r) => ({ name: r.name, recordingGroup: r.recordingGroup, servicePrincipal: r.servicePrincipal }))),
        evidence(statuses, statuses.data.map((s) => ({ name: s.name, recording: s.recording, lastStatus: s.lastStatus, lastErrorCode: s.lastErrorCode, lastStopTime: s.lastStopTime }))),
      ];
      for (const r of recorders.data) {
        const status = statuses.data.find((s) => s.name === r.name);
        const cover = coverage(r) ?? { full: false, what: 'nothing' };
        if (status?.recording !== true) problems.push(`recorder ${r.name} is not recording`);
        else if (status.lastStatus === 'Failure') problems.push(`recorder ${r.name} is recording but its last delivery failed (${status.lastErrorCode ?? 'no error code'})`);
        else if (!cover.full) problems.push(`recorder ${r.name} records ${cover.what}`);
        else {
          const globals = r.recordingGroup?.includeGlobalResourceTypes ? ', including global IAM resources' : '';
          return finding(meta, snap, resource, 'PASS', `AWS Config recorder ${r.name} is recording ${cover.what} in ${region}${globals}.`, proof);
        }
      }
      return finding(meta, snap, resource, 'FAIL', `AWS Config does not fully record ${region}: ${problems.join('; ')}.`, proof);
    });
  },
};
