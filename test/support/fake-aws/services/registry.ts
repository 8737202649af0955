/** The services the fake answers: the core modules plus every area's extension, merged once. */
import { computeMaintenanceExtension } from '../ext/compute-maintenance.ts';
import { dataProtectionExtension } from '../ext/data-protection.ts';
import { identityAccessExtension } from '../ext/identity-access.ts';
import { loggingMonitoringExtension } from '../ext/logging-monitoring.ts';
import { networkExtension } from '../ext/network.ts';
import { organizationMembersExtension } from '../ext/organizations-members.ts';
import { s3Extension } from '../ext/s3.ts';
import { securityHubImportExtension } from '../ext/securityhub-import.ts';
import { sharedExtension } from '../ext/shared.ts';
import type { FakeAwsExtension } from '../ext/types.ts';
import type { ServiceModule } from '../protocol.ts';

const EXTENSIONS: FakeAwsExtension[] = [
  sharedExtension,
  dataProtectionExtension,
  identityAccessExtension,
  computeMaintenanceExtension,
  networkExtension,
  s3Extension,
  loggingMonitoringExtension,
  securityHubImportExtension,
  organizationMembersExtension,
];

export function serviceRegistry(core: ServiceModule[]): Map<string, ServiceModule> {
  const services = new Map<string, ServiceModule>(core.map((s) => [s.name, { ...s, operations: { ...s.operations } }]));
  for (const ext of EXTENSIONS) {
    for (const s of ext.services ?? []) {
      if (services.has(s.name)) throw new Error(`fake-aws: service ${s.name} is defined twice`);
      services.set(s.name, { ...s, operations: { ...s.operations } });
    }
  }
  for (const ext of EXTENSIONS) {
    for (const [name, ops] of Object.entries(ext.operations ?? {})) {
      const service = services.get(name);
      if (!service) throw new Error(`fake-aws: operations for unknown service ${name}`);
      for (const [op, impl] of Object.entries(ops)) {
        if (service.operations[op]) throw new Error(`fake-aws: ${name}:${op} is defined twice`);
        service.operations[op] = impl;
      }
    }
  }
  return services;
}
