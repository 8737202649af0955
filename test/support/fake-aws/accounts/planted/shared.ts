/**
 * Resources several areas read: RDS instances, network interfaces (which groups are in use),
 * log groups. Each area plants its expectations about them in its own planted file.
 */
import type { SharedFixture } from '../../ext/shared.ts';
import { ACCOUNT_ID, INSTANCE, SG, VPC } from '../misconfigured.ts';

export const RDS = {
  ordersDb: 'orders-db',
  legacyReporting: 'legacy-reporting',
} as const;

export const sharedFixture: SharedFixture = {
  rdsInstances: {
    'us-east-1': [
      {
        DBInstanceIdentifier: RDS.ordersDb,
        DBInstanceArn: `arn:aws:rds:us-east-1:${ACCOUNT_ID}:db:${RDS.ordersDb}`,
        DBInstanceClass: 'db.m6g.large',
        Engine: 'postgres',
        EngineVersion: '16.4',
        DBInstanceStatus: 'available',
        StorageEncrypted: true,
        KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        PubliclyAccessible: false,
        BackupRetentionPeriod: 14,
        AutoMinorVersionUpgrade: true,
        MultiAZ: true,
        DeletionProtection: true,
        DBSubnetGroup: { VpcId: VPC.use1, DBSubnetGroupName: 'private-db' },
        VpcSecurityGroups: [{ VpcSecurityGroupId: SG.db, Status: 'active' }],
        DBParameterGroups: [{ DBParameterGroupName: 'orders-pg16', ParameterApplyStatus: 'in-sync' }],
        InstanceCreateTime: new Date('2024-04-02T08:00:00Z'),
      },
      {
        DBInstanceIdentifier: RDS.legacyReporting,
        DBInstanceArn: `arn:aws:rds:us-east-1:${ACCOUNT_ID}:db:${RDS.legacyReporting}`,
        DBInstanceClass: 'db.t3.medium',
        Engine: 'mysql',
        EngineVersion: '5.7.44',
        DBInstanceStatus: 'available',
        StorageEncrypted: false,
        PubliclyAccessible: true,
        BackupRetentionPeriod: 0,
        AutoMinorVersionUpgrade: false,
        MultiAZ: false,
        DeletionProtection: false,
        DBSubnetGroup: { VpcId: VPC.use1, DBSubnetGroupName: 'default' },
        VpcSecurityGroups: [{ VpcSecurityGroupId: SG.db, Status: 'active' }],
        DBParameterGroups: [{ DBParameterGroupName: 'default.mysql5.7', ParameterApplyStatus: 'in-sync' }],
        InstanceCreateTime: new Date('2019-09-12T08:00:00Z'),
      },
    ],
  },
  networkInterfaces: {
    'us-east-1': [
      { NetworkInterfaceId: 'eni-0aa0000000000001', VpcId: VPC.use1, Status: 'in-use', InterfaceType: 'interface', Groups: [{ GroupId: SG.web, GroupName: 'web' }, { GroupId: SG.bastion, GroupName: 'bastion-ssh' }], Attachment: { InstanceId: INSTANCE.web1, Status: 'attached' }, Association: { PublicIp: '198.51.100.10' } },
      { NetworkInterfaceId: 'eni-0aa0000000000002', VpcId: VPC.use1, Status: 'in-use', InterfaceType: 'interface', Groups: [{ GroupId: SG.app, GroupName: 'app' }], Attachment: { InstanceId: INSTANCE.worker1, Status: 'attached' } },
      { NetworkInterfaceId: 'eni-0aa0000000000003', VpcId: VPC.use1, Status: 'in-use', InterfaceType: 'interface', Groups: [{ GroupId: SG.db, GroupName: 'db' }], Description: 'RDSNetworkInterface' },
    ],
    'eu-west-1': [],
  },
  logGroups: {
    'us-east-1': [
      { logGroupName: '/aws/cloudtrail/org-audit', arn: `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:/aws/cloudtrail/org-audit:*`, retentionInDays: 365, kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, creationTime: 1_700_000_000_000, storedBytes: 123_456 },
      { logGroupName: '/aws/lambda/orders-worker', arn: `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:/aws/lambda/orders-worker:*`, creationTime: 1_710_000_000_000, storedBytes: 9_876 },
    ],
  },
};
