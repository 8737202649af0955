/**
 * What makes an RDS engine refuse unencrypted connections, and what it does when the parameter
 * group sets no value (a default parameter group, or a custom group that leaves the parameter at
 * its engine default). Defaults as documented by AWS:
 * - RDS for PostgreSQL: rds.force_ssl defaults to 1 from major version 15, to 0 in 14 and older.
 * - RDS for MySQL: require_secure_transport defaults to OFF in 8.4 and lower, ON in 9.7.
 * - RDS for MariaDB: require_secure_transport exists from 10.5; OFF up to 11.4, ON from 11.8.
 * Anything else (SQL Server, Aurora, versions between those documented) is not guessed.
 */
export type TlsDefault = { on: boolean; why: string } | { unknown: string };

export function tlsParameter(engine: string): string | undefined {
  if (engine === 'postgres' || engine === 'aurora-postgresql' || engine.startsWith('sqlserver-')) return 'rds.force_ssl';
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'aurora-mysql' || engine === 'aurora') return 'require_secure_transport';
  return undefined;
}

/** "1"/"ON" and "0"/"OFF" both occur (instances and clusters write require_secure_transport differently). */
export function parseSwitch(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'on' || v === 'true') return true;
  if (v === '0' || v === 'off' || v === 'false') return false;
  return undefined;
}

function version(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:\.(\d+))?/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : undefined;
}

const atMost = (v: [number, number], major: number, minor: number) => v[0] < major || (v[0] === major && v[1] <= minor);
const atLeast = (v: [number, number], major: number, minor: number) => v[0] > major || (v[0] === major && v[1] >= minor);

export function engineDefault(engine: string, engineVersion: string): TlsDefault {
  const v = version(engineVersion);
  if (!v) return { unknown: `the engine version "${engineVersion}" could not be read` };
  const label = `${engine} ${engineVersion}`;
  if (engine === 'postgres') {
    return v[0] >= 15 ? { on: true, why: `rds.force_ssl defaults to 1 on ${label} (PostgreSQL 15 and later)` } : { on: false, why: `rds.force_ssl defaults to 0 on ${label} (PostgreSQL 14 and older)` };
  }
  if (engine === 'mysql') {
    if (atMost(v, 8, 4)) return { on: false, why: `require_secure_transport defaults to OFF on ${label} (MySQL 8.4 and lower)` };
    if (atLeast(v, 9, 7)) return { on: true, why: `require_secure_transport defaults to ON on ${label} (MySQL 9.7)` };
  }
  if (engine === 'mariadb') {
    if (!atLeast(v, 10, 5)) return { unknown: `${label} has no require_secure_transport parameter (MariaDB 10.5 and later); TLS can only be required per database user, which Leasehold cannot see` };
    if (atMost(v, 11, 4)) return { on: false, why: `require_secure_transport defaults to OFF on ${label} (MariaDB 11.4 and earlier)` };
    if (atLeast(v, 11, 8)) return { on: true, why: `require_secure_transport defaults to ON on ${label} (MariaDB 11.8 and later)` };
  }
  return { unknown: `the parameter group leaves the TLS setting at the engine default, and the default for ${label} is not documented to Leasehold` };
}
