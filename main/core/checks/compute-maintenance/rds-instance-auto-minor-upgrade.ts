import { evidence, finding, missingField } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perDbInstance } from './support/db-instances.ts';

const meta = {
  id: 'rds-instance-auto-minor-upgrade',
  title: 'RDS databases install minor engine versions automatically',
  area: 'compute-maintenance',
  service: 'rds',
  severity: 'high',
  responsibility:
    'Whether RDS applies new minor engine versions (which carry the security fixes) in your maintenance window is your setting to turn on.',
  risk: 'With automatic minor version upgrades off, security fixes to the database engine wait until someone upgrades by hand, which often means never.',
  remediation: {
    console: 'RDS console > Databases > the database > Modify > Maintenance: turn on "Enable auto minor version upgrade".',
    cli: 'aws rds modify-db-instance --db-instance-identifier <id> --auto-minor-version-upgrade --apply-immediately',
    terraform: 'resource "aws_db_instance" "db" {\n  auto_minor_version_upgrade = true\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html'],
} as const satisfies Check['meta'];

export const rdsInstanceAutoMinorUpgrade: Check = {
  meta,
  needs: ['rds:DescribeDBInstances'],
  evaluate(snap) {
    return perDbInstance(meta, snap, ({ db, resource, read }) => {
      const proof = [evidence(read, { DBInstanceIdentifier: resource.id, Engine: db.Engine, EngineVersion: db.EngineVersion, AutoMinorVersionUpgrade: db.AutoMinorVersionUpgrade ?? null })];
      if (db.AutoMinorVersionUpgrade === true) return finding(meta, snap, resource, 'PASS', `${resource.id} installs minor engine versions automatically.`, proof);
      if (db.AutoMinorVersionUpgrade === false) return finding(meta, snap, resource, 'FAIL', `${resource.id} has automatic minor version upgrades turned off (${db.Engine ?? 'engine'} ${db.EngineVersion ?? ''}).`, proof);
      return missingField(meta, snap, resource, read, 'AutoMinorVersionUpgrade');
    });
  },
};
