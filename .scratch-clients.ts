import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsSession } from './main/core/aws/session.ts';
import { writeAwsProfile } from './test/support/fake-aws/profile.ts';
const dir = mkdtempSync(join(tmpdir(), 'tl-'));
const files = writeAwsProfile(dir, { profile: 'b', endpoint: 'http://127.0.0.1:1', region: 'us-east-1' });
const session = await AwsSession.open({ profile: 'b', env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile } });
const regions = ['us-east-1','us-west-2','eu-west-1','us-east-2','eu-central-1','ap-southeast-2','ap-northeast-1','eu-west-2','ap-southeast-1','ca-central-1','ap-south-1','us-west-1','sa-east-1','eu-north-1','ap-northeast-2','eu-west-3','ap-northeast-3','af-south-1'];
for (const svc of ['ec2', 's3', 'cloudtrail', 'rds', 'logs'] as const) {
  const t = performance.now();
  for (const r of regions) session.client(svc as 'ec2', r);
  console.log(svc, (performance.now() - t).toFixed(0), 'ms for', regions.length);
}
