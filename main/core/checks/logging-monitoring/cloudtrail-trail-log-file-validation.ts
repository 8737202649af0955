import { missingField } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachTrail, trailFinding } from './support/per-trail.ts';
import { trailLabel, trailResource } from './support/trails.ts';

const meta = {
  id: 'cloudtrail-trail-log-file-validation',
  title: 'CloudTrail log file validation is enabled',
  area: 'logging-monitoring',
  service: 'cloudtrail',
  severity: 'medium',
  responsibility:
    'Proving that your audit logs were not altered is your job. With log file validation on, CloudTrail signs a digest of every log file so tampering or deletion can be detected.',
  risk: 'Without validation, an intruder with access to the log bucket can edit or delete log files to hide their tracks, and nobody can prove the logs are complete.',
  remediation: {
    console: 'CloudTrail console > Trails > choose the trail > General details > Edit > Log file validation: Enabled.',
    cli: 'aws cloudtrail update-trail --name <trail> --enable-log-file-validation',
    terraform: 'resource "aws_cloudtrail" "audit" {\n  # ...\n  enable_log_file_validation = true\n}',
  },
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html'],
} as const satisfies Check['meta'];

export const cloudtrailTrailLogFileValidation: Check = {
  meta,
  needs: ['cloudtrail:DescribeTrails'],
  evaluate(snap) {
    return eachTrail(meta, snap, (view) => {
      const on = view.trail.LogFileValidationEnabled;
      const label = trailLabel(view, snap.meta.accountId);
      if (on === true) return trailFinding(meta, snap, view, 'PASS', `Log file validation is enabled on ${label}.`, { LogFileValidationEnabled: on });
      if (on === false) return trailFinding(meta, snap, view, 'FAIL', `Log file validation is off on ${label}: tampering with its log files would go unnoticed.`, { LogFileValidationEnabled: on });
      return missingField(meta, snap, trailResource(view), view.seen, 'LogFileValidationEnabled');
    });
  },
};
