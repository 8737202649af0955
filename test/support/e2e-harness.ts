/**
 * End-to-end harness: the real core (real SQLite store, real handlers) behind the real HTTP
 * bridge, driven by a real Chromium through playwright-core. Each app gets its own temporary
 * folder for the database and AWS config files, so tests never see the developer's ~/.aws.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Dialog, type Page } from 'playwright-core';
import type { Area } from '../../shared/model/area.ts';
import type { Finding, Severity, Status } from '../../shared/model/finding.ts';
import { createCore, type Core, type CoreOptions } from '../../main/core/core.ts';
import { replaceFindings } from '../../main/core/store/findings.ts';
import { finishScan, insertScan } from '../../main/core/store/scans.ts';
import { startServer, type RunningServer } from '../../main/serve/server.ts';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
const RENDERER_SRC = join(REPO_ROOT, 'renderer');
const RENDERER_DIST = join(REPO_ROOT, 'dist', 'renderer');
const BUILD_LOCK = join(REPO_ROOT, 'dist', '.renderer-build.lock');

/** Flags that work on the headless CI machines (see docs/ENVIRONMENT.md, "Browsers and UI tests"). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** LEASEHOLD_CHROMIUM, then Playwright's own browser when one was installed, then the OS packages. */
export function findChromium(): string {
  const candidates: string[] = [];
  if (process.env.LEASEHOLD_CHROMIUM) candidates.push(process.env.LEASEHOLD_CHROMIUM);
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // No Playwright-managed browser registered.
  }
  candidates.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome');
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one with `apt-get install -y chromium` ' +
        '(or set LEASEHOLD_CHROMIUM=/path/to/chrome). Looked in: ' +
        candidates.join(', '),
    );
  }
  return found;
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

async function rendererIsFresh(): Promise<boolean> {
  const built = join(RENDERER_DIST, 'app.js');
  if (!existsSync(built) || !existsSync(join(RENDERER_DIST, 'index.html'))) return false;
  const sources = Math.max(await newestMtime(RENDERER_SRC), await newestMtime(join(REPO_ROOT, 'shared')));
  return statSync(built).mtimeMs >= sources;
}

/**
 * Builds dist/renderer when it is missing or older than its sources. Test files run in parallel
 * processes, so the build runs under a lock directory (mkdir is atomic).
 */
export async function ensureRendererBuilt(): Promise<void> {
  if (await rendererIsFresh()) return;
  await mkdir(join(REPO_ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(BUILD_LOCK);
      break;
    } catch {
      // Another process is building; a lock older than two minutes belongs to a crashed run.
      const age = Date.now() - (await stat(BUILD_LOCK).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 120_000) await rm(BUILD_LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${BUILD_LOCK}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!(await rendererIsFresh())) {
      await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), 'renderer'], { cwd: REPO_ROOT });
    }
  } finally {
    await rm(BUILD_LOCK, { recursive: true, force: true });
  }
}

export interface AppOptions {
  /** Runs before the core starts, with the folder that will hold the AWS config files (`dir/aws`). */
  prepareAws?: (awsDir: string) => Promise<void> | void;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** What "Open data folder" uses; absent, the core answers where the folder is instead. */
  openFolder?: CoreOptions['openFolder'];
}

export interface E2eApp {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  core: Core;
  server: RunningServer;
  /** The app's temporary folder (database, AWS files, downloads). */
  dir: string;
  /** Uncaught page errors and console errors, for tests asserting a clean run. */
  pageErrors: string[];
  /** Every alert/confirm/prompt the page tried to open (each is dismissed). */
  dialogs: string[];
  close(): Promise<void>;
}

let sharedBrowser: Promise<Browser> | null = null;

/** One browser per test process; each app gets a fresh context (fresh cookies and storage). */
export function launchBrowser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  return sharedBrowser;
}

export async function closeBrowser(): Promise<void> {
  if (!sharedBrowser) return;
  const browser = await sharedBrowser.catch(() => null);
  sharedBrowser = null;
  await browser?.close();
}

/** Starts core + bridge on a fresh database and opens the launch URL in a new browser context. */
export async function startApp(opts: AppOptions = {}): Promise<E2eApp> {
  await ensureRendererBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'leasehold-e2e-'));
  const awsDir = join(dir, 'aws');
  await mkdir(awsDir);
  const configFile = join(awsDir, 'config');
  const credentialsFile = join(awsDir, 'credentials');
  await writeFile(configFile, '');
  await writeFile(credentialsFile, '');
  await opts.prepareAws?.(awsDir);

  // Only the AWS files of this test: no profile, key or endpoint from the developer's shell.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  env.AWS_CONFIG_FILE = configFile;
  env.AWS_SHARED_CREDENTIALS_FILE = credentialsFile;
  // A home of its own, so the SSO token cache (~/.aws/sso/cache) is this test's too.
  env.HOME = dir;

  const core = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'leasehold.db'), dataDir: dir, env, openFolder: opts.openFolder });
  let server: RunningServer | null = null;
  let context: BrowserContext | null = null;
  try {
    server = await startServer({ handlers: core.handlers, events: core.events, staticDir: RENDERER_DIST });
    const browser = await launchBrowser();
    context = await browser.newContext({
      acceptDownloads: true,
      viewport: opts.viewport ?? { width: 1360, height: 900 },
      colorScheme: opts.colorScheme ?? 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    await page.goto(server.url);
    await page.locator('#main').waitFor();

    const running = server;
    const ctx = context;
    return {
      page,
      context: ctx,
      browser,
      core,
      server: running,
      dir,
      pageErrors,
      dialogs,
      async close() {
        await ctx.close().catch(() => undefined);
        await running.close();
        // Let a scan still in flight finish writing before its database closes.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([core.idle(), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
        clearTimeout(timer);
        core.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context?.close().catch(() => undefined);
    await server?.close();
    core.close();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Where screenshots of the main screens go (LEASEHOLD_SCREENSHOTS overrides). */
export function screenshotPath(name: string): string {
  return join(process.env.LEASEHOLD_SCREENSHOTS ?? join(tmpdir(), 'leasehold-screenshots'), `${name}.png`);
}

/** Retries an assertion until it passes or the time is up, then rethrows its last failure. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** The attributes the findings table puts on each row, read in one round trip. */
export interface RowInfo {
  status: string;
  area: string;
  severity: string;
  checkId: string;
  text: string;
}

export function findingRows(page: Page): Promise<RowInfo[]> {
  return page.getByTestId('finding-row').evaluateAll((rows) =>
    rows.map((row) => ({
      status: row.getAttribute('data-status') ?? '',
      area: row.getAttribute('data-area') ?? '',
      severity: row.getAttribute('data-severity') ?? '',
      checkId: row.getAttribute('data-check-id') ?? '',
      text: (row as unknown as { innerText: string }).innerText,
    })),
  );
}

/** First run -> "Open the demo engagement" -> the demo's overview; returns its scan id. */
/** The suite's hooks: one app with the demo engagement open before its tests, closed after them. */
export function withDemoApp(ready: (app: E2eApp, scanId: string) => void): void {
  let app: E2eApp | undefined;
  before(async () => {
    app = await startApp();
    ready(app, await openDemo(app.page));
  });
  after(async () => {
    await app?.close();
    await closeBrowser();
  });
}

export async function openDemo(page: Page): Promise<string> {
  await page.getByTestId('welcome-open-demo').click();
  const view = page.getByTestId('scan-view');
  await view.waitFor();
  await page.getByTestId('dashboard').waitFor();
  return (await view.getAttribute('data-scan-id')) ?? '';
}

/** Opens one section of a scan by its address and waits for its panel. */
export async function openTab(app: E2eApp, scanId: string, tab: string, query = ''): Promise<void> {
  await app.page.goto(`${app.server.origin}/#/scans/${encodeURIComponent(scanId)}/${tab}${query ? `?${query}` : ''}`);
  await app.page.getByTestId(`tab-panel-${tab}`).waitFor();
}

/** Runs a scan through the real core (not the UI) and resolves with its id once it has finished. */
export async function scanToEnd(core: Core, req: Parameters<Core['handlers']['scan:start']>[0]): Promise<string> {
  let scanId = '';
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const seen = new Set<string>();
  const off = core.events.subscribe((event, payload) => {
    if (event !== 'scan:finished') return;
    const id = (payload as { scanId: string }).scanId;
    seen.add(id);
    if (id === scanId) resolveDone();
  });
  try {
    ({ scanId } = await core.handlers['scan:start'](req));
    if (seen.has(scanId)) resolveDone();
    await done;
    return scanId;
  } finally {
    off();
  }
}

/** Rows of the findings grid on screen (the windowed list renders only those in view). */
export async function waitForRows(page: Page): Promise<void> {
  await page.getByTestId('findings-table').waitFor();
  await eventually(async () => {
    const grid = page.getByTestId('findings-table');
    if ((await grid.getAttribute('data-loading')) === 'true') throw new Error('still loading');
    const total = Number(await grid.getAttribute('data-total'));
    if (total > 0 && (await page.getByTestId('finding-row').count()) === 0) throw new Error('no rows yet');
  });
}

const SYNTHETIC_CHECKS: ReadonlyArray<{ id: string; title: string; area: Area; service: string; severity: Severity }> = [
  { id: 'ec2-sg-admin-ports-open', title: 'Security groups do not open SSH or RDP to the internet', area: 'network', service: 'ec2', severity: 'high' },
  { id: 'ec2-volume-encrypted', title: 'EBS volumes are encrypted', area: 'data-protection', service: 'ec2', severity: 'medium' },
  { id: 's3-bucket-versioning-enabled', title: 'S3 buckets keep object versions', area: 's3', service: 's3', severity: 'low' },
  { id: 'iam-user-mfa-enabled', title: 'IAM users with a password have MFA', area: 'identity-access', service: 'iam', severity: 'high' },
  { id: 'ssm-instance-patch-compliant', title: 'Instances have no missing patches', area: 'compute-maintenance', service: 'ssm', severity: 'critical' },
  { id: 'logs-log-group-retention', title: 'Log groups keep logs for a year', area: 'logging-monitoring', service: 'logs', severity: 'info' },
];
const SYNTHETIC_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

/**
 * A scan with `count` synthetic findings written straight into the store (no AWS, no evaluation),
 * for the explorer at scale. Deterministic: finding i always has the same fields.
 */
export function seedLargeScan(core: Core, count: number, scanId = 'large'): string {
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const check = SYNTHETIC_CHECKS[i % SYNTHETIC_CHECKS.length]!;
    const region = SYNTHETIC_REGIONS[Math.floor(i / SYNTHETIC_CHECKS.length) % SYNTHETIC_REGIONS.length]!;
    const status: Status = i % 7 === 0 ? 'PASS' : i % 29 === 0 ? 'NOT_ASSESSED' : 'FAIL';
    const name = `resource-${String(i).padStart(5, '0')}`;
    findings.push({
      checkId: check.id,
      title: check.title,
      area: check.area,
      service: check.service,
      severity: check.severity,
      status,
      message: `${name} ${status === 'FAIL' ? 'does not meet' : 'meets'} the requirement`,
      resourceId: `${check.service}-${name}`,
      resourceArn: `arn:aws:${check.service}:${region}:444455556666:thing/${name}`,
      resourceName: name,
      region,
      accountId: '444455556666',
      evidence: [{ call: `${check.service}:Describe`, region, time: '2026-01-01T00:00:00.000Z', excerpt: `{"Name":"${name}"}` }],
      ...(status === 'NOT_ASSESSED' ? { reason: { kind: 'permission-denied' as const, code: 'AccessDenied', call: `${check.service}:Describe`, message: 'not authorized' } } : {}),
    });
  }
  insertScan(core.db, {
    id: scanId,
    profile: 'synthetic',
    accountId: '444455556666',
    callerArn: 'arn:aws:iam::444455556666:role/auditor',
    regions: SYNTHETIC_REGIONS,
    areas: [...new Set(SYNTHETIC_CHECKS.map((c) => c.area))],
    startedAt: '2026-01-01T00:00:00.000Z',
    toolVersion: core.version,
    checksVersion: 'synthetic',
  });
  replaceFindings(core.db, scanId, findings);
  finishScan(core.db, scanId, 'complete', '2026-01-01T00:05:00.000Z', count);
  return scanId;
}
