/**
 * moto 5.2.1's S3 and S3 Control answers, replayed byte for byte by the fake through the real SDK,
 * where they differ from AWS's: the s3 verdicts must be the ones AWS's own answers would give.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { FakeAccount, FaultRule } from '../support/fake-aws/index.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { BUCKET, S3_BUCKETS, s3Fixture } from '../support/fake-aws/accounts/planted/s3.ts';
import { scanFake } from '../support/fake-scan.ts';

const ACCOUNT = seeded.accountId;

function account(buckets: Record<string, object> = {}): FakeAccount {
  const names = new Set(seeded.s3.buckets.map((b) => b.name));
  return {
    ...seeded,
    s3: { buckets: [...seeded.s3.buckets, ...S3_BUCKETS.filter((b) => !names.has(b.name))] },
    ext: { ...seeded.ext, s3: { ...s3Fixture, buckets: { ...s3Fixture.buckets, ...buckets } } },
  };
}

const scanS3 = async (t: TestContext, fakeAccount: FakeAccount, faults: FaultRule[]) => (await scanFake(t, fakeAccount, { areas: ['s3'], faults })).findings;

const xml = (body: string) => ({ body: `<?xml version="1.0" encoding="utf-8"?>\n${body}`, contentType: 'application/xml' });

/** moto's ListAccessPoints: the account's every access point, whatever Region the request was signed for. */
function motoAccessPointList(): FaultRule {
  const point = (name: string, bucket: string, region: string) =>
    `<AccessPoint><Name>${name}</Name><NetworkOrigin>Internet</NetworkOrigin><Bucket>${bucket}</Bucket><AccessPointArn>arn:aws:s3:${region}:${ACCOUNT}:accesspoint/${name}</AccessPointArn><Alias>${name}-623c401e2af023655f95bb2c3af2fdd5e2-s3alias</Alias></AccessPoint>`;
  const list = point('website-cdn', BUCKET.website, 'us-east-1') + point('partner-read', BUCKET.partner, 'eu-west-1');
  return { service: 's3', action: 's3control.ListAccessPoints', status: 200, raw: xml(`<ListAccessPointsResponse xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><AccessPointList>${list}</AccessPointList></ListAccessPointsResponse>`) };
}

/** moto has no ?policyStatus route: GetBucketPolicyStatus gets the bucket's object listing (200, no IsPublic). */
function motoPolicyStatus(bucket: string): FaultRule {
  return { service: 's3', action: 'GetBucketPolicyStatus', bucket, status: 200, raw: xml(`<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><IsTruncated>false</IsTruncated><Name>${bucket}</Name><MaxKeys>1000</MaxKeys></ListBucketResult>`) };
}

test('moto lists every access point in every Region: each is judged once, in the Region its ARN names', async (t) => {
  const findings = await scanS3(t, account(), [motoAccessPointList()]);
  const points = findings.filter((f) => f.checkId === 's3-access-point-public-access-block');
  assert.deepEqual(points.map((f) => `${f.resourceId} ${f.region} ${f.status}`).sort(), ['partner-read eu-west-1 PASS', 'website-cdn us-east-1 FAIL']);
});

test('moto answers GetBucketPolicyStatus with the object listing: AWS\'s definition of "public" settles the policy document, or it stays NOT_ASSESSED', async (t) => {
  const arn = (b: string) => `arn:aws:s3:::${b}`;
  const allow = (Condition: object) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${arn(BUCKET.assets)}/*`, Condition }] });
  const vpceOnly = allow({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } });
  const findings = await scanS3(t, account({ [BUCKET.assets]: { policy: vpceOnly } }), [motoPolicyStatus(BUCKET.assets)]);
  const assets = findings.find((f) => f.checkId === 's3-bucket-not-public' && f.resourceId === BUCKET.assets);
  assert.equal(assets?.status, 'PASS', assets?.message);
  assert.match(assets?.message ?? '', /not public by AWS's definition/);

  const anyVpce = allow({ StringLike: { 'aws:SourceVpce': 'vpce-*' } });
  const wildcard = await scanS3(t, account({ [BUCKET.assets]: { policy: anyVpce } }), [motoPolicyStatus(BUCKET.assets)]);
  const open = wildcard.find((f) => f.checkId === 's3-bucket-not-public' && f.resourceId === BUCKET.assets);
  assert.deepEqual([open?.status, open?.reason?.code], ['NOT_ASSESSED', 'MissingField'], 'a wildcard source is AWS\'s call, never a PASS');
});
