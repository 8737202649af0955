/**
 * The read-only guard. Every client Leasehold creates refuses, before anything is sent, any
 * operation that is not on this explicit allowlist of read operations.
 */
export const READ_OPERATIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  sts: new Set(['GetCallerIdentity']),
  ec2: new Set(['DescribeRegions', 'GetEbsEncryptionByDefault', 'DescribeSecurityGroups', 'DescribeInstances']),
  iam: new Set(['GetAccountSummary', 'GetAccountPasswordPolicy']),
  s3: new Set(['ListBuckets', 'GetBucketLocation', 'GetBucketVersioning', 'GetPublicAccessBlock', 'GetBucketPolicyStatus']),
  cloudtrail: new Set(['DescribeTrails', 'GetTrailStatus']),
};

export function isReadAllowed(service: string, operation: string): boolean {
  return READ_OPERATIONS[service]?.has(operation) ?? false;
}

export class ReadOnlyViolation extends Error {
  constructor(service: string, operation: string) {
    super(`Leasehold is read-only: ${service}:${operation} is not an allowed read operation and was not sent`);
    this.name = 'ReadOnlyViolation';
  }
}

/** A middleware-stack-like surface, so the guard can be installed on any SDK v3 client. */
interface MiddlewareStackLike {
  add(
    middleware: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>,
    options: { step: 'initialize'; name: string; priority: 'high' },
  ): void;
}

export function installReadOnlyGuard(client: { middlewareStack: unknown }, service: string): void {
  (client.middlewareStack as MiddlewareStackLike).add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      if (!isReadAllowed(service, operation)) throw new ReadOnlyViolation(service, operation);
      return next(args);
    },
    { step: 'initialize', name: 'leaseholdReadOnlyGuard', priority: 'high' },
  );
}
