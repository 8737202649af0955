/** Redaction: what is masked, how consistently, and what is deliberately kept readable. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Redactor } from '../../main/core/report/redact.ts';

test('the same value always gets the same mask, the scanned account first', () => {
  const r = new Redactor(['123456789012']);
  assert.equal(r.text('account 210987654321 trusts 123456789012'), 'account account-2 trusts account-1');
  assert.equal(r.text('again 210987654321'), 'again account-2');
  assert.equal(r.text('ops@example.com, OPS@example.com, dev@example.com'), 'email-1, email-1, email-2');
  assert.equal(r.text('from 10.0.1.5/32 and 10.0.1.5, then 2001:db8::1'), 'from ip-1/32 and ip-1, then ip-2');
});

test('ARNs keep partition, service, region and resource type; their account and name are masked', () => {
  const r = new Redactor(['123456789012']);
  assert.equal(r.text('arn:aws:iam::123456789012:role/Admin'), 'arn:aws:iam::account-1:role/resource-1');
  assert.equal(r.text('arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc.'), 'arn:aws:ec2:eu-west-1:account-1:instance/resource-2.');
  assert.equal(r.text('arn:aws:s3:::logs-123456789012/AWSLogs/123456789012/'), 'arn:aws:s3:::resource-3', 'a bucket name is not a resource type');
  assert.equal(r.text('arn:aws:iam::123456789012:root'), 'arn:aws:iam::account-1:root');
  assert.equal(r.text('arn:aws:iam::123456789012:role/Admin'), 'arn:aws:iam::account-1:role/resource-1', 'consistent');
  assert.equal(r.text('arn:aws:iam::aws:policy/AdministratorAccess'), 'arn:aws:iam::aws:policy/AdministratorAccess', 'AWS-owned ARNs are public');
  assert.equal(r.text('arn:aws-us-gov:iam::123456789012:user/bob'), 'arn:aws-us-gov:iam::account-1:user/resource-4');
});

test('what is kept: "anywhere", version numbers, hashes and IDs that merely contain digits', () => {
  const r = new Redactor();
  for (const kept of ['0.0.0.0/0', '::/0', 'agent 3.2.582.0', 'i-0a1b2c3d4e5f60001', 'sha 0123456789012abcdef', 'vol-012345678901234567', '09:30:12 UTC', '2026-03-14T09:30:12.000Z']) {
    assert.equal(r.text(kept), kept);
  }
});

test('deep values: every string and key is masked, binary data is left alone', () => {
  const r = new Redactor(['123456789012']);
  const logo = Buffer.from('123456789012');
  const out = r.value({ a: ['123456789012', { '10.0.0.1': 'x@y.example' }], logo, n: 123456789012 });
  assert.deepEqual(out, { a: ['account-1', { 'ip-1': 'email-1' }], logo, n: 123456789012 });
  assert.equal(out.logo, logo);
  assert.deepEqual(r.counts(), { account: 1, ip: 1, email: 1, resource: 0, arn: 0 });
});
