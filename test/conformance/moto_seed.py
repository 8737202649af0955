"""
Seeds a moto server with a misconfigured account, for test/integration/moto-conformance.test.ts.
Usage: python3 moto_seed.py http://127.0.0.1:PORT  (prints the ids it created, as JSON).
Writes happen here, in the seeder; Leasehold itself only reads.
"""
import boto3, json, sys
E = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5055"
kw = dict(endpoint_url=E, aws_access_key_id="testing", aws_secret_access_key="testing")
def c(svc, region="us-east-1"): return boto3.client(svc, region_name=region, **kw)

iam = c("iam")
iam.update_account_password_policy(MinimumPasswordLength=6, RequireSymbols=False, RequireNumbers=False)
for u in ["alice", "bob-admin", "ci-deploy"]:
    iam.create_user(UserName=u)
iam.create_access_key(UserName="ci-deploy")
iam.create_login_profile(UserName="alice", Password="Password1!xx")
adm = iam.create_policy(PolicyName="AdminAll", PolicyDocument=json.dumps({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}))["Policy"]["Arn"]
iam.attach_user_policy(UserName="bob-admin", PolicyArn=adm)
iam.put_user_policy(UserName="alice", PolicyName="inline-star", PolicyDocument=json.dumps({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}))
iam.create_policy(PolicyName="too-broad", PolicyDocument=json.dumps({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}))
iam.create_role(RoleName="cross-account-any", AssumeRolePolicyDocument=json.dumps({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}))

s3 = c("s3")
s3.create_bucket(Bucket="acme-public-assets")
s3.put_public_access_block(Bucket="acme-public-assets", PublicAccessBlockConfiguration={"BlockPublicAcls":False,"IgnorePublicAcls":False,"BlockPublicPolicy":False,"RestrictPublicBuckets":False})
s3.put_bucket_policy(Bucket="acme-public-assets", Policy=json.dumps({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-public-assets/*"}]}))
s3.create_bucket(Bucket="acme-logs-eu", CreateBucketConfiguration={"LocationConstraint":"eu-west-1"})
s3.create_bucket(Bucket="acme-private-ok")
s3.put_bucket_versioning(Bucket="acme-private-ok", VersioningConfiguration={"Status":"Enabled"})
s3.put_public_access_block(Bucket="acme-private-ok", PublicAccessBlockConfiguration={"BlockPublicAcls":True,"IgnorePublicAcls":True,"BlockPublicPolicy":True,"RestrictPublicBuckets":True})
s3.put_bucket_encryption(Bucket="acme-private-ok", ServerSideEncryptionConfiguration={"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]})
s3.create_bucket(Bucket="acme-acl-public")
s3.put_bucket_acl(Bucket="acme-acl-public", ACL="public-read")

ec2 = c("ec2")
vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
sg = ec2.create_security_group(GroupName="ssh-open", Description="ssh", VpcId=vpc)["GroupId"]
ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]},{"IpProtocol":"tcp","FromPort":3389,"ToPort":3389,"Ipv6Ranges":[{"CidrIpv6":"::/0"}]}])
ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
inst = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro", SecurityGroupIds=[sg], MetadataOptions={"HttpTokens":"optional"})["Instances"][0]["InstanceId"]
vol = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8)["VolumeId"]
snap = ec2.create_snapshot(VolumeId=vol)["SnapshotId"]
ec2.modify_snapshot_attribute(SnapshotId=snap, Attribute="createVolumePermission", OperationType="add", GroupNames=["all"])

kms = c("kms")
k = kms.create_key(Description="no rotation")["KeyMetadata"]["KeyId"]

rds = c("rds")
rds.create_db_instance(DBInstanceIdentifier="acme-db", DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="admin1", MasterUserPassword="password123", AllocatedStorage=20, PubliclyAccessible=True, StorageEncrypted=False)

ct = c("cloudtrail")
s3.create_bucket(Bucket="acme-trail")
ct.create_trail(Name="main", S3BucketName="acme-trail", IsMultiRegionTrail=False, EnableLogFileValidation=False)

logs = c("logs")
logs.create_log_group(logGroupName="/app/no-retention")
sns = c("sns"); sns.create_topic(Name="alerts")
sqs = c("sqs"); sqs.create_queue(QueueName="jobs")
print(json.dumps({"vpc": vpc, "sg_open": sg, "instance": inst, "volume": vol, "snapshot_public": snap, "key_no_rotation": k}))
