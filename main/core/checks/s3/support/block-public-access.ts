/**
 * Block Public Access as S3 applies it: a setting is in effect when it is on at any level that
 * covers the request (account, bucket, access point); S3 uses the most restrictive combination.
 * A level that could not be read leaves a setting unknown unless another level has it on.
 */
import type { Read } from '../../../engine/snapshot.ts';

export const BPA_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;
export type BpaFlag = (typeof BPA_FLAGS)[number];

/** The stored shape of every Block Public Access read: null when the level never configured it. */
export interface BpaData {
  PublicAccessBlockConfiguration?: Partial<Record<BpaFlag, boolean>> | null;
}

export interface BpaLevel {
  name: 'account' | 'bucket' | 'access point';
  read: Read<BpaData>;
}

export interface FlagState {
  flag: BpaFlag;
  /** true: in effect; false: off at every level; undefined: off where known, a level unreadable. */
  on: boolean | undefined;
  /** The levels where it is on. */
  onAt: BpaLevel['name'][];
}

/** One level's value: false when that level has no configuration, undefined when unreadable or absent. */
export function levelFlag(read: Read<BpaData>, flag: BpaFlag): boolean | undefined {
  if (!read.ok) return undefined;
  const config = read.data.PublicAccessBlockConfiguration;
  if (config === null) return false;
  const value = config?.[flag];
  return typeof value === 'boolean' ? value : undefined;
}

export function effectiveFlag(levels: BpaLevel[], flag: BpaFlag): FlagState {
  const values = levels.map((l) => levelFlag(l.read, flag));
  const onAt = levels.filter((_, i) => values[i] === true).map((l) => l.name);
  const on = onAt.length > 0 ? true : values.every((v) => v === false) ? false : undefined;
  return { flag, on, onAt };
}

export function effectiveBpa(levels: BpaLevel[]): FlagState[] {
  return BPA_FLAGS.map((flag) => effectiveFlag(levels, flag));
}

/** "IgnorePublicAcls (account level)" */
export function describeOn(state: FlagState): string {
  return `${state.flag} (${state.onAt.join(' and ')} level)`;
}

/** The first level whose read failed, to report why a setting is unknown. */
export function unreadableLevel(levels: BpaLevel[]): Extract<Read<BpaData>, { ok: false }> | undefined {
  for (const l of levels) if (!l.read.ok) return l.read;
  return undefined;
}

/** What a level said, for evidence: its configuration, or that it has none. */
export function levelExcerpt(level: BpaLevel): unknown {
  if (!level.read.ok) return undefined;
  const { PublicAccessBlockConfiguration: config, ...rest } = level.read.data as BpaData & { NotFound?: string };
  return { level: level.name, PublicAccessBlockConfiguration: config ?? null, ...rest };
}

/** A level that was read but did not say this setting (AWS always sends all four): for missingField. */
export function silentLevel(levels: BpaLevel[], flag: BpaFlag): Extract<Read<BpaData>, { ok: true }> | undefined {
  for (const l of levels) if (l.read.ok && levelFlag(l.read, flag) === undefined) return l.read;
  return undefined;
}
