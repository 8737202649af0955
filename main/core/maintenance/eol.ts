/**
 * End-of-life reference data: dated JSON files in assets/reference/, each with its "as of" date and
 * sources, so a report can say which data a verdict rests on. Verdicts take "now" from the caller
 * (the snapshot's collection time), never the clock, so re-evaluating an old scan gives the same answer.
 */
import eksData from '../../../assets/reference/eks-versions.json' with { type: 'json' };
import lambdaData from '../../../assets/reference/lambda-runtimes.json' with { type: 'json' };
import osData from '../../../assets/reference/os-releases.json' with { type: 'json' };
import rdsData from '../../../assets/reference/rds-engines.json' with { type: 'json' };

import type { ReferenceDataVersion } from '../../../shared/model/views.ts';

export type { ReferenceDataVersion };

/** Which reference data the maintenance checks used, for the report's "data as of" line. */
export function referenceDataVersions(): ReferenceDataVersion[] {
  return [lambdaData, rdsData, eksData, osData].map(({ name, title, asOf, source }) => ({ name, title, asOf, source: [...source] }));
}

export interface EolVerdict {
  /** ended: past its end date at `now` (RDS: or older than a line's oldest, ended release); supported: not yet, or newer than any release in the data; unknown: not in the data. */
  status: 'supported' | 'ended' | 'unknown';
  label: string;
  /** YYYY-MM-DD, or null when no date is known. */
  endDate: string | null;
  /** "lambda-runtimes as of 2026-11-29": what the verdict rests on, for evidence. */
  basis: string;
  note?: string;
}

const basis = (d: { name: string; asOf: string }) => `${d.name} as of ${d.asOf}`;

/** A date is over from its first instant (UTC): AWS deprecates "on" the listed day. */
export function isPast(date: string, now: Date): boolean {
  return now.getTime() >= Date.parse(`${date}T00:00:00Z`);
}

function verdict(label: string, endDate: string | null, now: Date, b: string, note?: string): EolVerdict {
  const status = endDate !== null && isPast(endDate, now) ? 'ended' : 'supported';
  return { status, label, endDate, basis: b, ...(note ? { note } : {}) };
}

export function lambdaRuntimeSupport(runtime: string, now: Date): EolVerdict {
  const entry = lambdaData.entries.find((e) => e.id === runtime);
  if (!entry) return { status: 'unknown', label: runtime, endDate: null, basis: basis(lambdaData) };
  return verdict(entry.name, entry.deprecated, now, basis(lambdaData));
}

/** Compares dotted numeric versions ("1.9" < "1.10"); non-numeric parts compare as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A release in the data, or "supported" when newer than every release known for its line. */
function lookup<E>(entries: E[], version: (e: E) => string, wanted: string): { entry?: E; newer: boolean } {
  const entry = entries.find((e) => version(e) === wanted);
  if (entry) return { entry, newer: false };
  const newer = entries.length > 0 && entries.every((e) => compareVersions(wanted, version(e)) > 0);
  return { newer };
}

const RDS_LABELS: Record<string, string> = {
  mysql: 'MySQL',
  postgres: 'PostgreSQL',
  mariadb: 'MariaDB',
  'aurora-mysql': 'Aurora MySQL version',
  'aurora-postgresql': 'Aurora PostgreSQL',
};

/** RDS's major version of an engine version: MySQL/MariaDB x.y, PostgreSQL x (9.6 before 10), Aurora MySQL 1/2/3. */
export function rdsMajorVersion(engine: string, engineVersion: string): { engine: string; major: string } | undefined {
  if (engine === 'aurora') return { engine: 'aurora-mysql', major: '1' };
  const v = engineVersion.trim();
  if (engine === 'aurora-mysql') {
    const aurora = /mysql_aurora\.(\d+)\./.exec(v);
    if (aurora) return { engine, major: aurora[1] as string };
    if (v.startsWith('5.6')) return { engine, major: '1' };
    return undefined;
  }
  if (engine === 'mysql' || engine === 'mariadb') {
    const m = /^(\d+\.\d+)/.exec(v);
    return m ? { engine, major: m[1] as string } : undefined;
  }
  if (engine === 'postgres' || engine === 'aurora-postgresql') {
    const m = /^(\d+)(?:\.(\d+))?/.exec(v);
    if (!m) return undefined;
    return { engine, major: Number(m[1]) < 10 && m[2] !== undefined ? `${m[1]}.${m[2]}` : (m[1] as string) };
  }
  return undefined;
}

export function rdsEngineSupport(engine: string, engineVersion: string, now: Date): EolVerdict & { major?: string; endOfExtendedSupport?: string | null } {
  const b = basis(rdsData);
  const parsed = rdsMajorVersion(engine, engineVersion);
  if (!parsed) return { status: 'unknown', label: `${engine} ${engineVersion}`, endDate: null, basis: b };
  const label = `${RDS_LABELS[parsed.engine] ?? parsed.engine} ${parsed.major}`;
  const line = rdsData.entries.filter((e) => e.engine === parsed.engine);
  const { entry, newer } = lookup(line, (e) => e.major, parsed.major);
  if (entry) return { ...verdict(label, entry.endOfStandardSupport, now, b), major: parsed.major, endOfExtendedSupport: entry.endOfExtendedSupport };
  if (newer) return { status: 'supported', label, endDate: null, basis: b, major: parsed.major, note: 'newer than every release in the reference data' };
  const oldest = olderThanEvery(line, (e) => e.major, parsed.major);
  // RDS lists every major it ever supported in its release calendar, and an older major never outlives
  // a newer one, so one older than the oldest listed, once that one is past all support, is past it too
  // (https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html).
  if (oldest?.endOfStandardSupport && isPast(oldest.endOfStandardSupport, now) && (!oldest.endOfExtendedSupport || isPast(oldest.endOfExtendedSupport, now))) {
    const oldestLabel = `${RDS_LABELS[parsed.engine] ?? parsed.engine} ${oldest.major}`;
    const note = `older than ${oldestLabel}, the oldest release in the reference data, whose standard support ended on ${oldest.endOfStandardSupport}`;
    return { status: 'ended', label, endDate: null, basis: b, major: parsed.major, endOfExtendedSupport: null, note };
  }
  return { status: 'unknown', label, endDate: null, basis: b, major: parsed.major };
}

/** The oldest release of a line when `wanted` is older than all of them. */
function olderThanEvery<E>(entries: E[], version: (e: E) => string, wanted: string): E | undefined {
  if (entries.length === 0 || !entries.every((e) => compareVersions(wanted, version(e)) < 0)) return undefined;
  return entries.reduce((a, e) => (compareVersions(version(e), version(a)) < 0 ? e : a));
}

export function eksVersionSupport(version: string, now: Date): EolVerdict & { endOfExtendedSupport?: string | null } {
  const b = basis(eksData);
  const label = `Kubernetes ${version}`;
  const { entry, newer } = lookup(eksData.entries, (e) => e.version, version);
  if (entry) return { ...verdict(label, entry.endOfStandardSupport, now, b), endOfExtendedSupport: entry.endOfExtendedSupport };
  if (newer) return { status: 'supported', label, endDate: null, basis: b, note: 'newer than every release in the reference data' };
  return { status: 'unknown', label, endDate: null, basis: b };
}

export interface OsRelease {
  family: string;
  version: string;
}

export function osSupport(os: OsRelease, now: Date): EolVerdict {
  const b = basis(osData);
  const line = osData.entries.filter((e) => e.family === os.family);
  const { entry, newer } = lookup(line, (e) => e.version, os.version);
  if (entry) return verdict(entry.name, entry.endOfSupport, now, b);
  const label = `${os.family} ${os.version}`;
  if (newer) return { status: 'supported', label, endDate: null, basis: b, note: 'newer than every release in the reference data' };
  return { status: 'unknown', label, endDate: null, basis: b };
}
