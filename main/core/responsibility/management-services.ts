/**
 * Responsibility data for the services that protect, govern and watch an account (sources as in
 * workload-services.ts, plus the GuardDuty API reference for its data sources, CloudTrail's
 * 90-day event history, and CloudWatch Logs' default encryption of log data).
 */
import { duty, type ServiceResponsibility } from './types.ts';

export const MANAGEMENT_SERVICES: readonly ServiceResponsibility[] = [
  {
    service: 'kms',
    title: 'AWS KMS',
    model: 'abstracted',
    awsManages: ['The hardware security modules that hold key material, their availability, and the yearly rotation of AWS managed keys.'],
    customerDuties: [
      duty('data-protection', 'Turn on automatic rotation for the keys you create.'),
      duty('data-protection', 'Write key policies that let only the people and services that need a key use it, never everyone.'),
      duty('data-protection', 'Check keys scheduled for deletion before the waiting period ends: data encrypted under a deleted key cannot be recovered.'),
    ],
  },
  {
    service: 'cloudtrail',
    title: 'AWS CloudTrail',
    model: 'abstracted',
    awsManages: ['Recording API activity, and the 90 days of management event history every account has without a trail.'],
    customerDuties: [
      duty('logging-monitoring', 'Create a multi-region trail for management events, so that activity is kept longer than 90 days and in one place.'),
      duty('logging-monitoring', 'Turn on log file validation and keep the bucket that receives the logs private.'),
      duty('data-protection', 'Encrypt the trail\'s log files with a KMS key.'),
    ],
  },
  {
    service: 'iam',
    title: 'AWS IAM',
    model: 'abstracted',
    awsManages: ['The IAM service itself: its availability, and checking every request against the policies you write.'],
    customerDuties: [
      duty('identity-access', 'Protect the root user with MFA and no access keys, and use it only for the few tasks that need it.'),
      duty('identity-access', 'Require MFA for people, remove unused credentials and rotate the access keys that remain.'),
      duty('identity-access', 'Grant least privilege: no policy that allows everything, and roles rather than long-lived keys.'),
    ],
  },
  {
    service: 'securityhub',
    title: 'AWS Security Hub',
    model: 'abstracted',
    awsManages: ['Running the checks of the security standards you turn on, and gathering findings from other AWS security services.'],
    customerDuties: [
      duty('logging-monitoring', 'Turn Security Hub on in every region you use and choose the standards it checks against.'),
      duty('logging-monitoring', 'Record resources with AWS Config in those regions: most Security Hub checks depend on it.'),
      duty('logging-monitoring', 'Review its findings and fix them or accept them knowingly: Security Hub reports problems, it fixes none.'),
    ],
  },
  {
    service: 'guardduty',
    title: 'Amazon GuardDuty',
    model: 'abstracted',
    awsManages: ['Analysing CloudTrail, VPC flow log and DNS activity for signs of attack, and keeping its threat intelligence current.'],
    customerDuties: [
      duty('logging-monitoring', 'Turn GuardDuty on in every region, including regions you do not use, where an intruder may hide.'),
      duty('logging-monitoring', 'Respond to its findings: GuardDuty detects threats, it does not stop them.'),
    ],
  },
  {
    service: 'config',
    title: 'AWS Config',
    model: 'abstracted',
    awsManages: ['Recording your resources\' configuration over time and evaluating the rules you choose.'],
    customerDuties: [
      duty('logging-monitoring', 'Record configuration changes in every region, so that changes can be traced and compliance checked.'),
    ],
  },
  {
    service: 'logs',
    title: 'Amazon CloudWatch Logs',
    model: 'abstracted',
    awsManages: ['Storing log data durably, and encrypting it at rest.'],
    customerDuties: [
      duty('logging-monitoring', 'Set a retention period on each log group that meets your legal and investigation needs.'),
      duty('logging-monitoring', 'Create metric filters and alarms for the events you must react to, such as use of the root user or policy changes.'),
      duty('data-protection', 'Encrypt log groups that hold sensitive data with your own KMS key, and limit who can read them.'),
    ],
  },
];
