import type { DBCluster, DBInstance, Parameter } from '@aws-sdk/client-rds';
import type { Snapshot } from '../../engine/snapshot.ts';
import { evidence, finding, missingField, notAssessed, type Resource } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, cannotTell, eachRegionOf, type OkRead, type RegionalPart } from './support/regional.ts';
import { engineDefault, parseSwitch, tlsParameter } from './support/rds-tls.ts';

const meta = {
  id: 'rds-db-tls-required',
  title: 'RDS databases refuse unencrypted connections',
  area: 'data-protection',
  service: 'rds',
  severity: 'medium',
  responsibility:
    'Protecting data on its way to your database is your job. The database\'s parameter group should require TLS (rds.force_ssl for PostgreSQL and SQL Server, require_secure_transport for MySQL and MariaDB) so no client can connect in clear text.',
  risk: 'A client that does not ask for TLS sends credentials and query results unencrypted across the network, where they can be read or altered.',
  remediation: {
    console: 'RDS console > Parameter groups > create or edit the custom group used by the database > set rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = 1 (MySQL, MariaDB) > attach it to the instance or cluster (a reboot may be needed).',
    cli: 'aws rds modify-db-parameter-group --db-parameter-group-name <group> --parameters "ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=pending-reboot"\naws rds modify-db-parameter-group --db-parameter-group-name <group> --parameters "ParameterName=require_secure_transport,ParameterValue=1,ApplyMethod=immediate"',
    terraform: 'resource "aws_db_parameter_group" "this" {\n  family = "postgres16"\n  parameter {\n    name         = "rds.force_ssl"\n    value        = "1"\n    apply_method = "pending-reboot"\n  }\n}',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mariadb-ssl-connections.require-ssl.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/SQLServer.Concepts.General.SSL.Using.html',
  ],
} as const satisfies Check['meta'];

interface Db {
  resource: Resource;
  engine: string;
  version: string;
  group: string | undefined;
  /** The parameter-group dataset, and the field naming the group (for a missing-field reason). */
  dataset: string;
  groupField: string;
  pendingReboot: boolean;
}

function judge(snap: Snapshot, db: Db, list: OkRead<unknown[]>) {
  const { resource, engine, version } = db;
  const name = tlsParameter(engine);
  const what = `${resource.id} (${engine} ${version})`;
  if (!name) {
    return cannotTell(meta, snap, resource, db.dataset, 'EngineNotCovered', `${what}: this engine does not require TLS through a parameter group (Oracle and Db2 use option groups and listener settings); check it by hand.`);
  }
  if (!db.group) return missingField(meta, snap, resource, list, db.groupField);
  const read = snap.read<Parameter[]>(db.dataset, resource.region, db.group);
  if (!read.ok) return notAssessed(meta, snap, resource, read);
  const param = read.data.find((p) => p.ParameterName === name);
  const proof = [evidence(read, { [db.groupField]: db.group, Engine: engine, EngineVersion: version, Parameter: param ?? `${name} not listed` })];
  const pending = db.pendingReboot ? ' The parameter group has changes pending a reboot, so the running value may differ.' : '';
  const value = param?.ParameterValue;
  if (value !== undefined && value !== '') {
    const on = parseSwitch(value);
    if (on === true) return finding(meta, snap, resource, 'PASS', `${what} requires TLS: ${name} = ${value} in parameter group ${db.group}.${pending}`, proof);
    if (on === false) return finding(meta, snap, resource, 'FAIL', `${what} accepts unencrypted connections: ${name} = ${value} in parameter group ${db.group}.${pending}`, proof);
    return cannotTell(meta, snap, resource, db.dataset, 'UnreadableValue', `${what}: ${name} has the value "${value}" in parameter group ${db.group}, which Leasehold cannot interpret.`);
  }
  const fallback = engineDefault(engine, version);
  if ('unknown' in fallback) return cannotTell(meta, snap, resource, db.dataset, 'EngineDefaultUnknown', `${what}: ${fallback.unknown} (parameter group ${db.group}).`);
  const how = `parameter group ${db.group} sets no value for ${name}, and ${fallback.why}`;
  return fallback.on
    ? finding(meta, snap, resource, 'PASS', `${what} requires TLS: ${how}.${pending}`, proof)
    : finding(meta, snap, resource, 'FAIL', `${what} accepts unencrypted connections: ${how}.${pending}`, proof);
}

export const rdsDbTlsRequired: Check = {
  meta,
  needs: ['rds:DescribeDBInstances', 'rds:DescribeDBParameters', 'rds:DescribeDBClusters', 'rds:DescribeDBClusterParameters'],
  evaluate(snap) {
    // Instances of a cluster take the setting from the cluster parameter group: judged once, as the cluster.
    const instances: RegionalPart<DBInstance> = {
      dataset: 'rds:DescribeDBInstances',
      label: 'RDS databases',
      applies: (d) => !d.DBClusterIdentifier && d.DBInstanceStatus !== 'deleting',
      evaluate: (d, read, region) => {
        const id = d.DBInstanceIdentifier ?? '';
        const group = d.DBParameterGroups?.[0];
        return judge(snap, {
          resource: { id, arn: d.DBInstanceArn ?? arn(snap, region, 'rds', `db:${id}`), name: id, region },
          engine: d.Engine ?? '',
          version: d.EngineVersion ?? '',
          group: group?.DBParameterGroupName,
          dataset: 'rds:DescribeDBParameters',
          groupField: 'DBParameterGroupName',
          pendingReboot: group?.ParameterApplyStatus === 'pending-reboot',
        }, read);
      },
    };
    const clusters: RegionalPart<DBCluster> = {
      dataset: 'rds:DescribeDBClusters',
      label: 'RDS databases',
      applies: (c) => c.Status !== 'deleting',
      evaluate: (c, read, region) => {
        const id = c.DBClusterIdentifier ?? '';
        return judge(snap, {
          resource: { id, arn: c.DBClusterArn ?? arn(snap, region, 'rds', `cluster:${id}`), name: id, region },
          engine: c.Engine ?? '',
          version: c.EngineVersion ?? '',
          group: c.DBClusterParameterGroup,
          dataset: 'rds:DescribeDBClusterParameters',
          groupField: 'DBClusterParameterGroup',
          pendingReboot: (c.DBClusterMembers ?? []).some((m) => m.DBClusterParameterGroupStatus === 'pending-reboot'),
        }, read);
      },
    };
    return eachRegionOf(meta, snap, 'RDS DB instances or clusters', [instances, clusters] as RegionalPart<unknown>[]);
  },
};
