import { timeOf } from '../../maintenance/data.ts';
import { rdsEngineSupport } from '../../maintenance/eol.ts';
import { evidence, finding, missingField } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perDbInstance } from './support/db-instances.ts';
import { unassessed } from './support/instance-check.ts';

const meta = {
  id: 'rds-instance-engine-supported',
  title: 'RDS databases run an engine major version in standard support',
  area: 'compute-maintenance',
  service: 'rds',
  severity: 'medium',
  responsibility:
    'AWS patches the database engine, but choosing when to move to a newer major version is yours. Past the end of standard support AWS charges for RDS Extended Support and, when that ends, upgrades the database itself.',
  risk: 'An engine past its community end of life gets only the critical fixes AWS chooses to backport under paid Extended Support, and a forced major upgrade later can break the application.',
  remediation: {
    console: 'RDS console > Databases > the database > Modify > DB engine version: choose a major version in standard support (test the upgrade on a snapshot restore first).',
    cli: 'aws rds modify-db-instance --db-instance-identifier <id> --engine-version <version> --allow-major-version-upgrade --apply-immediately',
    terraform: 'resource "aws_db_instance" "db" {\n  engine_version              = "16.4"\n  allow_major_version_upgrade = true\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html'],
} as const satisfies Check['meta'];

export const rdsInstanceEngineSupported: Check = {
  meta,
  needs: ['rds:DescribeDBInstances'],
  evaluate(snap) {
    return perDbInstance(meta, snap, ({ db, resource, read }) => {
      if (!db.Engine || !db.EngineVersion) return missingField(meta, snap, resource, read, db.Engine ? 'EngineVersion' : 'Engine');
      const v = rdsEngineSupport(db.Engine, db.EngineVersion, new Date(timeOf(read.at) ?? Date.now()));
      const proof = [evidence(read, { DBInstanceIdentifier: resource.id, Engine: db.Engine, EngineVersion: db.EngineVersion, EngineLifecycleSupport: db.EngineLifecycleSupport ?? null })];
      if (v.status === 'unknown') {
        return unassessed(meta, snap, resource, { kind: 'unknown', code: 'NotInReferenceData', call: 'reference:rds-engines', message: `${db.Engine} ${db.EngineVersion} of ${resource.id} is not in the reference data (${v.basis}).` }, proof);
      }
      if (v.status === 'ended') {
        const extended = v.endOfExtendedSupport ? `; paid RDS Extended Support runs until ${v.endOfExtendedSupport}` : '';
        return finding(meta, snap, resource, 'FAIL', `${resource.id} runs ${v.label} (${db.EngineVersion}), whose RDS standard support ended ${v.endDate ? `on ${v.endDate}` : `(${v.note})`}${extended} (${v.basis}).`, proof);
      }
      const until = v.endDate ? `in standard support until ${v.endDate}` : (v.note ?? 'in standard support');
      return finding(meta, snap, resource, 'PASS', `${resource.id} runs ${v.label} (${db.EngineVersion}), ${until} (${v.basis}).`, proof);
    });
  },
};
