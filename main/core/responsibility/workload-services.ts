/**
 * The Shared Responsibility Model per AWS service, in words a client reads. Sources: AWS's
 * "Shared Responsibility Model" page (AWS runs everything from the host OS and hypervisor down to
 * the facilities; the customer runs the guest OS, applications, security group configuration, and
 * their data), AWS Prescriptive Guidance "Understanding the security scope" (infrastructure,
 * container and abstracted services: the customer's scope shrinks as services are more abstracted),
 * and each service's own guide (Lambda runtime management, EKS cluster upgrades, RDS maintenance,
 * Security Hub's reliance on AWS Config). Written in our words; each customer duty names the
 * Leasehold area that assesses it.
 */
import { duty, type ServiceResponsibility } from './types.ts';

/** Where workloads run and data is stored. */
export const WORKLOAD_SERVICES: readonly ServiceResponsibility[] = [
  {
    service: 'ec2',
    title: 'Amazon EC2',
    model: 'infrastructure',
    awsManages: ['The physical servers, the hypervisor that keeps your instances apart from other customers\', and the data centres and network they run in.'],
    customerDuties: [
      duty('compute-maintenance', 'Install security updates on the operating system and software of every instance, for example with Systems Manager Patch Manager.'),
      duty('compute-maintenance', 'Require IMDSv2 on instances, so that a flaw in your software cannot hand out the instance\'s credentials.'),
      duty('network', 'Let through security groups only the traffic each instance needs, and keep administration ports closed to the internet.'),
      duty('identity-access', 'Give each instance a role with only the permissions it needs, instead of access keys stored on the server.'),
    ],
  },
  {
    service: 'ebs',
    title: 'Amazon EBS',
    model: 'infrastructure',
    awsManages: ['The storage hardware, the copies of each volume kept within its Availability Zone, and the encryption machinery when you ask for it.'],
    customerDuties: [
      duty('data-protection', 'Turn on encryption by default in every region you use, and encrypt existing volumes and snapshots.'),
      duty('data-protection', 'Never share snapshots publicly, and keep snapshots of the data you cannot afford to lose.'),
    ],
  },
  {
    service: 'vpc',
    title: 'Amazon VPC',
    model: 'infrastructure',
    awsManages: ['The physical network, the isolation of your private network from other customers\', and the availability of its gateways.'],
    customerDuties: [
      duty('network', 'Design subnets, routes, security groups and network ACLs so that only intended traffic reaches your resources.'),
      duty('network', 'Keep the default security group empty and give public IP addresses only to what must be reachable.'),
      duty('network', 'Turn on VPC flow logs, so that network traffic can be investigated after an incident.'),
    ],
  },
  {
    service: 'rds',
    title: 'Amazon RDS',
    model: 'container',
    awsManages: ['The servers, the operating system and the database software, including the patches it applies in your maintenance window, and failover for Multi-AZ databases.'],
    customerDuties: [
      duty('data-protection', 'Turn on encryption when you create each database (an existing one cannot simply be switched to encrypted) and require TLS for connections.'),
      duty('data-protection', 'Keep automated backups on with a retention that fits your recovery needs, and never make snapshots public.'),
      duty('network', 'Keep databases off the public internet and accept connections only from your applications.'),
      duty('compute-maintenance', 'Allow automatic minor version upgrades, and move to a newer engine version before yours leaves standard support.'),
      duty('identity-access', 'Manage database users and their passwords, or use IAM database authentication.'),
    ],
  },
  {
    service: 'lambda',
    title: 'AWS Lambda',
    model: 'abstracted',
    awsManages: ['The servers, the operating system and the language runtime, with their security patches (applied to your functions automatically in the Auto runtime update mode).'],
    customerDuties: [
      duty('compute-maintenance', 'Keep your function code and its libraries free of known vulnerabilities, and move functions off runtimes AWS has deprecated.'),
      duty('identity-access', 'Give each function a role with only the permissions it needs, and do not let anyone invoke it publicly.'),
      duty('data-protection', 'Keep secrets out of plain-text environment variables; use Secrets Manager or encrypt them with KMS.'),
    ],
  },
  {
    service: 's3',
    title: 'Amazon S3',
    model: 'abstracted',
    awsManages: ['The storage infrastructure, the durability of your objects, and encryption of every new object with S3-managed keys (the default since January 2023).'],
    customerDuties: [
      duty('s3', 'Keep Block Public Access on for the account and its buckets, and grant access in bucket policies only to those who need it.'),
      duty('s3', 'Require TLS in bucket policies, and turn on versioning for data you cannot afford to lose.'),
      duty('s3', 'Turn on access logging for buckets that hold sensitive data.'),
      duty('data-protection', 'Use your own KMS keys where you need to control who can decrypt the data.'),
    ],
  },
  {
    service: 'dynamodb',
    title: 'Amazon DynamoDB',
    model: 'abstracted',
    awsManages: ['The servers, storage and software patching, copies of every table across Availability Zones, and encryption at rest of all tables.'],
    customerDuties: [
      duty('data-protection', 'Turn on point-in-time recovery for tables you cannot afford to lose.'),
      duty('data-protection', 'Choose who holds the table\'s encryption key: AWS, or your own KMS key when you must control access to it.'),
      duty('identity-access', 'Limit who can read and write each table with IAM policies.'),
    ],
  },
  {
    service: 'eks',
    title: 'Amazon EKS',
    model: 'container',
    awsManages: ['The Kubernetes control plane (API servers and etcd), its availability across Availability Zones and its security patches.'],
    customerDuties: [
      duty('compute-maintenance', 'Upgrade each cluster\'s Kubernetes version before it leaves standard support, then bring worker nodes and add-ons to the same version.'),
      duty('compute-maintenance', 'Patch or replace worker nodes (unless they run on Fargate) and scan container images for vulnerabilities.'),
      duty('network', 'Keep the cluster\'s API endpoint private, or open only to known addresses.'),
      duty('identity-access', 'Give IAM roles Kubernetes permissions sparingly.'),
      duty('data-protection', 'Encrypt Kubernetes secrets with a KMS key.'),
      duty('logging-monitoring', 'Turn on the control plane\'s audit logs.'),
    ],
  },
  {
    service: 'efs',
    title: 'Amazon EFS',
    model: 'abstracted',
    awsManages: ['The file servers and storage, copies across Availability Zones, and their patching.'],
    customerDuties: [
      duty('data-protection', 'Turn on encryption at rest when you create each file system: it cannot be turned on afterwards.'),
      duty('network', 'Allow NFS traffic to mount targets only from the clients that need it.'),
      duty('data-protection', 'Back up file systems you cannot afford to lose.'),
    ],
  },
];
