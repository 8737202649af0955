/**
 * Renders the bundled demo's report and saves a handful of its pages as PNG (pdftoppm -r 70) under
 * docs/screenshots/: the cover, the executive summary, "who secures what", an area section and the
 * coverage page. Run after changing the report's layout, then look at the pictures.
 *
 *   node scripts/render-report-samples.ts [--out DIR] [--keep-pdf]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CHECKS } from '../main/core/checks/index.ts';
import { readVersion } from '../main/core/core.ts';
import { DEMO_SCAN_ID, loadDemo } from '../main/core/demo.ts';
import { renderReportFile } from '../main/core/report/index.ts';
import { openDatabase } from '../main/core/store/open.ts';

const ROOT = join(import.meta.dirname, '..');
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex >= 0 ? (process.argv[outIndex + 1] ?? '') : join(ROOT, 'docs', 'screenshots');

/** Sample name -> the named destination whose page it shows (null: the first page). */
const SAMPLES: Record<string, string | null> = {
  'report-cover': null,
  'report-summary': 'summary',
  'report-srm': 'srm',
  'report-area': 'area-network',
  'report-coverage': 'coverage',
};

const work = mkdtempSync(join(tmpdir(), 'leasehold-samples-'));
try {
  const db = openDatabase(join(work, 'samples.db'), join(ROOT, 'main', 'core', 'store', 'migrations'));
  loadDemo(db, join(ROOT, 'assets', 'demo'), readVersion(ROOT));
  const { pdf, fileName } = await renderReportFile(db, { scanId: DEMO_SCAN_ID }, { fontsDir: join(ROOT, 'assets', 'fonts'), checks: CHECKS.map((c) => c.meta) });
  db.close();
  const pdfPath = join(work, fileName);
  writeFileSync(pdfPath, pdf);
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
  const destinations = await doc.getDestinations();
  mkdirSync(OUT, { recursive: true });
  for (const [name, dest] of Object.entries(SAMPLES)) {
    const ref = dest ? (destinations[dest] as [{ num: number; gen: number }] | undefined)?.[0] : undefined;
    if (dest && !ref) throw new Error(`The demo report has no "${dest}" destination`);
    const page = ref ? (await doc.getPageIndex(ref)) + 1 : 1;
    const run = spawnSync('pdftoppm', ['-r', '70', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdfPath, join(OUT, name)], { encoding: 'utf8' });
    if (run.error || run.status !== 0) throw new Error(`pdftoppm failed (is poppler-utils installed?): ${run.error?.message ?? run.stderr}`);
    process.stdout.write(`${join(OUT, `${name}.png`)}  (page ${page} of ${doc.numPages})\n`);
  }
  await doc.destroy();
  if (process.argv.includes('--keep-pdf')) {
    copyFileSync(pdfPath, join(OUT, 'demo-report.pdf'));
    process.stdout.write(`${join(OUT, 'demo-report.pdf')}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
