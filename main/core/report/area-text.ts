/**
 * What the customer is responsible for in each area, in general terms: shown when the
 * service-by-service responsibility matrix is not available.
 */
import type { Area } from '../../../shared/model/area.ts';

export const AREA_RESPONSIBILITY: Readonly<Record<Area, string>> = {
  'data-protection':
    'AWS encrypts nothing you have not asked it to and keeps no backup you have not configured. Choosing encryption at rest and in transit, managing the keys, keeping snapshots and backups private and recoverable is yours.',
  'identity-access':
    'AWS checks every request against the policies you write; who gets which permission is yours: the root user, people and their MFA, access keys, roles and the trust placed in other accounts.',
  'compute-maintenance':
    'On EC2 you run the guest operating system: patching it, keeping the agents that report on it working, and choosing supported images. On managed services you choose supported runtimes, engines and versions and let updates apply.',
  network:
    'AWS runs the network; which traffic reaches your resources is yours: security groups, network ACLs, routes, public addresses and peering.',
  s3: 'AWS stores the objects; who can read and write them is yours: Block Public Access, bucket policies and ACLs, encryption settings, versioning and access logging.',
  'logging-monitoring':
    'AWS records activity only as far as you turn it on and keep it: trails, alarms, threat detection, findings aggregation and log retention are yours to configure and to watch.',
};
