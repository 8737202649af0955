import type { Instance } from '@aws-sdk/client-ec2';
import { accountResource, evidence, finding, missingField, notAssessed, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'ec2-instance-imdsv2-required',
  title: 'EC2 instances require IMDSv2',
  area: 'compute-maintenance',
  service: 'ec2',
  severity: 'high',
  responsibility:
    'Configuring your instances is your job. Requiring version 2 of the instance metadata service stops a web application flaw from being used to steal the instance role\'s credentials.',
  risk: 'With IMDSv1 allowed, a server-side request forgery bug in any application on the instance can read its temporary AWS credentials.',
  remediation: {
    console: 'EC2 console > Instances > select > Actions > Instance settings > Modify instance metadata options > IMDSv2: Required.',
    cli: 'aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required --http-endpoint enabled',
    terraform: 'metadata_options {\n  http_tokens   = "required"\n  http_endpoint = "enabled"\n}',
  },
  references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html'],
} as const satisfies Check['meta'];

export const ec2InstanceImdsv2Required: Check = {
  meta,
  needs: ['ec2:DescribeInstances'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const read = snap.read<Instance[]>('ec2:DescribeInstances', region);
      if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, region, `EC2 instances (${region})`), read)];
      const live = read.data.filter((i) => i.State?.Name !== 'terminated' && i.State?.Name !== 'shutting-down');
      if (live.length === 0) {
        return [finding(meta, snap, accountResource(snap, region, `EC2 instances (${region})`), 'NOT_APPLICABLE', `No EC2 instances in ${region}.`)];
      }
      return live.map((i) => {
        const id = i.InstanceId ?? '';
        const resource = {
          id,
          arn: `arn:${snap.meta.partition}:ec2:${region}:${snap.meta.accountId}:instance/${id}`,
          name: tagName(i.Tags) ?? id,
          region,
        };
        const options = i.MetadataOptions;
        const proof = [evidence(read, { InstanceId: id, MetadataOptions: options })];
        if (options?.HttpEndpoint === 'disabled') {
          return finding(meta, snap, resource, 'PASS', `Instance metadata service is turned off on ${id}.`, proof);
        }
        if (options?.HttpTokens === 'required') return finding(meta, snap, resource, 'PASS', `${id} requires IMDSv2 session tokens.`, proof);
        if (options?.HttpTokens === 'optional') {
          return finding(meta, snap, resource, 'FAIL', `${id} still accepts IMDSv1 requests (HttpTokens is optional).`, proof);
        }
        return missingField(meta, snap, resource, read, 'MetadataOptions.HttpTokens');
      });
    });
  },
};
