/**
 * The explorer's state as plain data: read from and written to the address (so a reload or a
 * link keeps the filters), and turned into the findings:query request.
 */
import { AREAS, type Area } from '../../../shared/model/area.ts';
import { ACCEPTANCE_FILTERS, SEVERITIES, STATUSES, type AcceptanceFilter, type FindingQuery, type Severity, type Status } from '../../../shared/model/finding.ts';

export const SORTS = ['severity', 'check', 'resource', 'region'] as const;
export type Sort = (typeof SORTS)[number];
export const GROUPS = ['none', 'check', 'resource'] as const;
export type Group = (typeof GROUPS)[number];

export interface ExplorerQuery {
  status: Status[];
  severity: Severity[];
  area: Area[];
  service: string[];
  region: string[];
  acceptance: AcceptanceFilter[];
  text: string;
  sort: Sort;
  group: Group;
}

export const DEFAULT_QUERY: ExplorerQuery = { status: ['FAIL'], severity: [], area: [], service: [], region: [], acceptance: [], text: '', sort: 'severity', group: 'none' };

function list<T extends string>(value: string | undefined, allowed?: readonly T[]): T[] {
  if (!value) return [];
  const items = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 50);
  return (allowed ? items.filter((s) => (allowed as readonly string[]).includes(s)) : items) as T[];
}

function one<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

export function queryFromParams(p: Record<string, string>): ExplorerQuery {
  return {
    // "status=" (empty) means every status; no parameter means the default, failures.
    status: 'status' in p ? list(p.status, STATUSES) : DEFAULT_QUERY.status,
    severity: list(p.severity, SEVERITIES),
    area: list(p.area, AREAS),
    service: list(p.service),
    region: list(p.region),
    acceptance: list(p.acceptance, ACCEPTANCE_FILTERS),
    text: (p.q ?? '').slice(0, 200),
    sort: one(p.sort, SORTS, 'severity'),
    group: one(p.group, GROUPS, 'none'),
  };
}

export function paramsFromQuery(q: ExplorerQuery, extra: Record<string, string> = {}): Record<string, string> {
  const p: Record<string, string> = {};
  if (q.status.join() !== DEFAULT_QUERY.status.join()) p.status = q.status.join(',');
  if (q.severity.length) p.severity = q.severity.join(',');
  if (q.area.length) p.area = q.area.join(',');
  if (q.service.length) p.service = q.service.join(',');
  if (q.region.length) p.region = q.region.join(',');
  if (q.acceptance.length) p.acceptance = q.acceptance.join(',');
  if (q.text) p.q = q.text;
  if (q.sort !== 'severity') p.sort = q.sort;
  if (q.group !== 'none') p.group = q.group;
  return { ...p, ...extra };
}

/** Grouping needs rows of a group next to each other, so it decides the sort. */
export function effectiveSort(q: ExplorerQuery): Sort {
  return q.group === 'check' ? 'check' : q.group === 'resource' ? 'resource' : q.sort;
}

/** The request (without scanId and paging): every filter is answered by the store, before paging. */
export function toRequest(q: ExplorerQuery): FindingQuery {
  const req: FindingQuery = { sort: effectiveSort(q) };
  if (q.status.length) req.status = q.status;
  if (q.severity.length) req.severity = q.severity;
  if (q.area.length) req.area = q.area;
  if (q.service.length) req.service = q.service;
  if (q.region.length) req.region = q.region;
  if (q.acceptance.length) req.acceptance = q.acceptance;
  if (q.text.trim()) req.text = q.text.trim();
  return req;
}

export function isFiltered(q: ExplorerQuery): boolean {
  return JSON.stringify({ ...q, sort: 'severity', group: 'none' }) !== JSON.stringify(DEFAULT_QUERY);
}

/** The acceptance state a row is marked with, in the filter's terms. */
export function acceptanceOf(f: { acceptance?: { active: boolean } }): AcceptanceFilter {
  return f.acceptance ? (f.acceptance.active ? 'accepted' : 'expired') : 'none';
}
