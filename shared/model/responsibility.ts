/**
 * The Shared Responsibility Model, per AWS service the scanned account uses: what AWS runs, what
 * the customer must do, and under which Leasehold area each customer duty is assessed.
 */
import type { Area } from './area.ts';
import type { CallErrorKind } from './finding.ts';

/**
 * AWS's three service categories: infrastructure (you run the guest OS: EC2), container or managed
 * (AWS runs the OS and platform, you configure it: RDS, EKS), abstracted (you manage data and access: S3, DynamoDB, Lambda).
 */
export type ServiceModel = 'infrastructure' | 'container' | 'abstracted';

export const SERVICE_MODEL_TITLES: Readonly<Record<ServiceModel, string>> = {
  infrastructure: 'Infrastructure service',
  container: 'Container / managed service',
  abstracted: 'Abstracted service',
};

export interface CustomerDuty {
  /** One plain sentence a client understands, starting from what they must do. */
  text: string;
  area: Area;
}

/** in-use: resources seen; not-in-use: every call read and found nothing; unknown: some data could not be read. */
export type UsageStatus = 'in-use' | 'not-in-use' | 'unknown';

export interface ResponsibilityRow {
  /** Leasehold's key for the service, e.g. "ec2", "ebs", "vpc". */
  service: string;
  title: string;
  model: ServiceModel;
  awsManages: string[];
  customerDuties: CustomerDuty[];
  status: UsageStatus;
  /** What was found, e.g. "12 volumes in 3 regions"; for unknown, what could not be read. */
  evidence: string;
  /** For unknown: why the data could not be read (the first failing call). */
  reason?: { call: string; region: string; kind: CallErrorKind; code: string };
}

export interface ResponsibilityMatrix {
  /** Services in use, then services whose use is unknown (never dropped: unknown is not "not in use"). */
  rows: ResponsibilityRow[];
  /** Services read completely and found unused. */
  notInUse: { service: string; title: string }[];
}
