import type { CallErrorKind } from './finding.ts';

/** Per service and region: how many calls returned data and which failed, and why. */
export interface CoverageCell {
  service: string;
  region: string;
  ok: number;
  failed: number;
  /** Failed calls by reason, with one example call and message per reason. */
  reasons: Partial<Record<CallErrorKind, { count: number; call: string; code: string; message: string }>>;
}

export interface ScanCoverage {
  cells: CoverageCell[];
  /** Endpoint used per service ("default" for AWS's own), as recorded during the scan. */
  endpoints: Record<string, string>;
}

/** `leasehold doctor`: one probe per call the scan needs. */
export interface DoctorProbe {
  call: string;
  region: string;
  iamActions: string[];
  ok: boolean;
  kind?: CallErrorKind;
  code?: string;
  message?: string;
}

export interface DoctorReport {
  profile: string;
  accountId: string;
  callerArn: string;
  region: string;
  endpoints: Record<string, string>;
  probes: DoctorProbe[];
  /** Checks that would be NOT_ASSESSED, with the calls that failed for them. */
  notAssessable: { checkId: string; title: string; calls: string[] }[];
  calls: number;
}

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}
