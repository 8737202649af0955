import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsSession } from './main/core/aws/session.ts';
import { collectSnapshot } from './main/core/engine/collect.ts';
import { planRegions } from './main/core/engine/regions.ts';
import { Snapshot } from './main/core/engine/snapshot.ts';
import { writeAwsProfile } from './test/support/fake-aws/profile.ts';
import { benchDatasets } from './scripts/bench/scan-run.ts';
import { LARGE } from './scripts/bench/large-account.ts';
const total = Number(process.argv[2] ?? 32), per = Number(process.argv[3] ?? 16), latency = Number(process.argv[4] ?? 40);
const child = fork('scripts/bench/fake-server.ts', [JSON.stringify({ size: LARGE, seed: 1, latencyMs: latency, rateScale: 1 })]);
const endpoint = await new Promise<string>((r) => child.once('message', (m) => r((m as { endpoint: string }).endpoint)));
const dir = mkdtempSync(join(tmpdir(), 'tl-'));
const files = writeAwsProfile(dir, { profile: 'b', endpoint, region: 'us-east-1' });
const session = await AwsSession.open({ profile: 'b', env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile } });
import { Session as Insp } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const insp = new Insp(); insp.connect(); await insp.post('Profiler.enable'); await insp.post('Profiler.setSamplingInterval', { interval: 200 }); await insp.post('Profiler.start');
setTimeout(async () => { const { profile } = await insp.post('Profiler.stop'); writeFileSync('/tmp/prof/early.cpuprofile', JSON.stringify(profile)); }, Number(process.env.PROF_MS ?? 1300));
const t0 = performance.now();
let inflight = 0; let maxIn = 0; const firstBy = new Map<string, string>(); const busy: number[] = [];
const orig = session.client.bind(session);
const wrapped = new WeakSet();
(session as unknown as { client: unknown }).client = (svc: 'ec2', region: string) => {
  const c = orig(svc, region) as unknown as { send: (x: unknown) => Promise<unknown> };
  if (!wrapped.has(c)) { wrapped.add(c); const send = c.send.bind(c); c.send = async (cmd: unknown) => { const name = svc + ':' + (cmd as object).constructor.name; if (!firstBy.has(name)) firstBy.set(name, ms()); inflight++; maxIn = Math.max(maxIn, inflight); try { return await send(cmd); } finally { inflight--; } }; }
  return c;
};
let lagMax = 0; let prev = performance.now(); const lagIv = setInterval(() => { const now = performance.now(); lagMax = Math.max(lagMax, now - prev - 5); prev = now; }, 5);

const ms = () => (performance.now() - t0).toFixed(0);
await session.identity(); console.log('identity', ms());
const plan = await planRegions(session, undefined, new Date()); console.log('regions', ms());
const snapshot = new Snapshot({ accountId: '1', partition: 'aws', regions: plan.regions }, [plan.record]);
const last = new Map<string, string>();
let lastCalls = 0; const iv = setInterval(() => { console.log(`t=${ms()} calls=${session.calls} (+${session.calls - lastCalls}) inflight=${inflight} max=${maxIn} lagMax=${lagMax.toFixed(0)}`); lagMax = 0; lastCalls = session.calls; }, 500);
await collectSnapshot({ session, datasets: benchDatasets().datasets, regions: plan.regions, snapshot, signal: new AbortController().signal, concurrency: { total, perServiceRegion: per },
  onRecords: () => {}, onProgress: (p) => last.set(p.service + ' ' + (p.region === 'global' ? 'global' : ''), ms()) });
clearInterval(iv); clearInterval(lagIv); console.log([...firstBy]);
console.log('collect done', ms(), 'calls', session.calls, [...last]);
session.close(); child.kill();
