"""
Seeds a moto server with a misconfigured account, for test/integration/moto-conformance.test.ts.
Usage: python3 moto_seed.py http://127.0.0.1:PORT  (prints the ids it created, as JSON, on its last line).
Writes happen here, in the seeder; Leasehold itself only reads.

Each area holds the misconfigurations a conformance suite seeds first, a few correct resources
that must PASS, and the moto answers Leasehold was fixed for (see docs/aws-behaviour.md).
"""
import boto3, io, json, sys, zipfile

E = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5055"
kw = dict(endpoint_url=E, aws_access_key_id="testing", aws_secret_access_key="testing")
def c(svc, region="us-east-1"): return boto3.client(svc, region_name=region, **kw)
def doc(*statements): return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})
def allow(action, resource="*"): return {"Effect": "Allow", "Action": action, "Resource": resource}
def trust(principal, condition=None):
    return doc({"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole", **({"Condition": condition} if condition else {})})

ACCOUNT = c("sts").get_caller_identity()["Account"]
ids = {}

# ---------------------------------------------------------------- Identity and access
iam = c("iam")
iam.update_account_password_policy(MinimumPasswordLength=6, RequireSymbols=False, RequireNumbers=False,
                                   RequireUppercaseCharacters=False, RequireLowercaseCharacters=True,
                                   PasswordReusePrevention=2, MaxPasswordAge=365)
for u in ["alice", "bob-admin", "ci-deploy", "carol-ok", "frank-setup"]:
    iam.create_user(UserName=u)
iam.create_login_profile(UserName="alice", Password="Password1!xx")        # console, no MFA
iam.create_login_profile(UserName="carol-ok", Password="Password1!xx")     # console with a virtual MFA
mfa = iam.create_virtual_mfa_device(VirtualMFADeviceName="carol-ok")["VirtualMFADevice"]["SerialNumber"]
iam.enable_mfa_device(UserName="carol-ok", SerialNumber=mfa, AuthenticationCode1="123456", AuthenticationCode2="654321")
iam.create_access_key(UserName="ci-deploy"); iam.create_access_key(UserName="ci-deploy")  # two active keys
iam.create_login_profile(UserName="frank-setup", Password="Password1!xx")  # a key made with the user, never used
iam.create_access_key(UserName="frank-setup")
# moto sends customer managed policies without PolicyName: each must still be judged on its own.
adm = iam.create_policy(PolicyName="AdminAll", PolicyDocument=doc(allow("*")))["Policy"]["Arn"]
s3all = iam.create_policy(PolicyName="S3Everything", PolicyDocument=doc(allow("s3:*")))["Policy"]["Arn"]
iam.create_policy(PolicyName="ReadOnlyS3ok", PolicyDocument=doc(allow(["s3:GetObject", "s3:ListBucket"], "arn:aws:s3:::acme-data/*")))
esc = iam.create_policy(PolicyName="PassRoleRunInstances", PolicyDocument=doc(allow(["iam:PassRole", "ec2:RunInstances"])))["Policy"]["Arn"]
iam.attach_user_policy(UserName="bob-admin", PolicyArn=adm)
iam.attach_user_policy(UserName="ci-deploy", PolicyArn=s3all)
iam.put_user_policy(UserName="alice", PolicyName="inline-star", PolicyDocument=doc(allow("*")))
# The default version (v2, under a path) is the one that counts.
ver = iam.create_policy(PolicyName="Versioned", Path="/team/", PolicyDocument=doc(allow("s3:GetObject")))["Policy"]["Arn"]
iam.create_policy_version(PolicyArn=ver, PolicyDocument=doc(allow("*")), SetAsDefault=True)
iam.create_group(GroupName="developers"); iam.attach_group_policy(GroupName="developers", PolicyArn=ver)
iam.add_user_to_group(GroupName="developers", UserName="carol-ok")
# A "*" policy used only as a role's permissions boundary grants nothing.
bnd = iam.create_policy(PolicyName="BoundaryAll", PolicyDocument=doc(allow("*")))["Policy"]["Arn"]
iam.create_role(RoleName="bounded-lambda", AssumeRolePolicyDocument=trust({"Service": "lambda.amazonaws.com"}), PermissionsBoundary=bnd)
# Trust policies.
iam.create_role(RoleName="cross-account-any", AssumeRolePolicyDocument=trust({"AWS": "*"}))
iam.create_role(RoleName="vendor-no-externalid", AssumeRolePolicyDocument=trust({"AWS": "arn:aws:iam::999988887777:root"}))
iam.create_role(RoleName="vendor-with-externalid", AssumeRolePolicyDocument=trust({"AWS": "arn:aws:iam::999988887777:root"}, {"StringEquals": {"sts:ExternalId": "acme-7781"}}))
oidc = iam.create_open_id_connect_provider(Url="https://token.actions.githubusercontent.com", ClientIDList=["sts.amazonaws.com"], ThumbprintList=["a" * 40])["OpenIDConnectProviderArn"]
iam.create_role(RoleName="github-any-repo", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": oidc}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}]}))
iam.create_role(RoleName="ec2-app", AssumeRolePolicyDocument=trust({"Service": "ec2.amazonaws.com"}))
iam.attach_role_policy(RoleName="ec2-app", PolicyArn=esc)  # privilege escalation: PassRole + RunInstances
iam.create_role(RoleName="ops-admin", AssumeRolePolicyDocument=trust({"AWS": f"arn:aws:iam::{ACCOUNT}:root"}))
iam.put_role_policy(RoleName="ops-admin", PolicyName="all", PolicyDocument=doc(allow("*")))

# ---------------------------------------------------------------- S3
OFF = {"BlockPublicAcls": False, "IgnorePublicAcls": False, "BlockPublicPolicy": False, "RestrictPublicBuckets": False}
ON = {k: True for k in OFF}
s3 = c("s3"); s3eu = c("s3", "eu-west-1")
def bucket(name, region="us-east-1", **extra):
    client = s3 if region == "us-east-1" else s3eu
    if region != "us-east-1": extra["CreateBucketConfiguration"] = {"LocationConstraint": region}
    client.create_bucket(Bucket=name, **extra)
    return client
def policy(client, name, *statements): client.put_bucket_policy(Bucket=name, Policy=doc(*statements))
def objects(name): return f"arn:aws:s3:::{name}/*"
def both(name): return [f"arn:aws:s3:::{name}", objects(name)]

b = bucket("acme-public-assets"); b.put_public_access_block(Bucket="acme-public-assets", PublicAccessBlockConfiguration=OFF)
policy(b, "acme-public-assets", {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": objects("acme-public-assets")})
b = bucket("acme-acl-public", ObjectOwnership="ObjectWriter"); b.put_public_access_block(Bucket="acme-acl-public", PublicAccessBlockConfiguration=OFF)
b.put_bucket_acl(Bucket="acme-acl-public", ACL="public-read")
b = bucket("acme-authread-acl", ObjectOwnership="BucketOwnerPreferred"); b.put_public_access_block(Bucket="acme-authread-acl", PublicAccessBlockConfiguration=OFF)
b.put_bucket_acl(Bucket="acme-authread-acl", ACL="authenticated-read")
b = bucket("acme-private-ok", ObjectOwnership="BucketOwnerEnforced")
b.put_public_access_block(Bucket="acme-private-ok", PublicAccessBlockConfiguration=ON)
b.put_bucket_versioning(Bucket="acme-private-ok", VersioningConfiguration={"Status": "Enabled"})
s3key = c("kms").create_key(Description="s3 key")["KeyMetadata"]["Arn"]; c("kms").enable_key_rotation(KeyId=s3key)
b.put_bucket_encryption(Bucket="acme-private-ok", ServerSideEncryptionConfiguration={"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": s3key}, "BucketKeyEnabled": True}]})
policy(b, "acme-private-ok", {"Sid": "DenyHttp", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": both("acme-private-ok"), "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
b = bucket("acme-access-logs", ObjectOwnership="BucketOwnerPreferred")
b.put_bucket_acl(Bucket="acme-access-logs", ACL="log-delivery-write")
s3.put_bucket_logging(Bucket="acme-private-ok", BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": "acme-access-logs", "TargetPrefix": "private/"}})
bucket("acme-logs-eu", "eu-west-1")
# moto has no GetBucketPolicyStatus: the policy itself must settle what AWS's definition settles.
b = bucket("acme-vpce-only"); b.put_public_access_block(Bucket="acme-vpce-only", PublicAccessBlockConfiguration=OFF)
policy(b, "acme-vpce-only", {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": objects("acme-vpce-only"), "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}})
b = bucket("acme-partner-share")  # fixed principal, but that account may rewrite the policy
policy(b, "acme-partner-share", {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": both("acme-partner-share")})
b = bucket("acme-office-ip"); b.put_public_access_block(Bucket="acme-office-ip", PublicAccessBlockConfiguration=OFF)
policy(b, "acme-office-ip", {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": objects("acme-office-ip"), "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})
b = bucket("acme-shielded")  # a public policy neutralised by the bucket's own Block Public Access
policy(b, "acme-shielded", {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": objects("acme-shielded")})
b.put_public_access_block(Bucket="acme-shielded", PublicAccessBlockConfiguration=ON)
b = bucket("acme-tls-partial")
policy(b, "acme-tls-partial", {"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": objects("acme-tls-partial"), "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
# Object Lock: moto sends both Days and Years, the unset one 0.
b = bucket("acme-backup-vault", ObjectLockEnabledForBucket=True)
b.put_object_lock_configuration(Bucket="acme-backup-vault", ObjectLockConfiguration={"ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Years": 1}}})
b = bucket("acme-backups-eu", "eu-west-1")
b.put_bucket_versioning(Bucket="acme-backups-eu", VersioningConfiguration={"Status": "Enabled"})
# moto ignores MFADelete: AWS would PASS this bucket.
s3.create_bucket(Bucket="acme-mfa-delete")
s3.put_bucket_versioning(Bucket="acme-mfa-delete", VersioningConfiguration={"Status": "Enabled", "MFADelete": "Enabled"}, MFA=f"arn:aws:iam::{ACCOUNT}:mfa/root-account-mfa-device 123456")
b = bucket("acme-eu-public", "eu-west-1"); b.put_public_access_block(Bucket="acme-eu-public", PublicAccessBlockConfiguration=OFF)
policy(b, "acme-eu-public", {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": both("acme-eu-public")})
# Access points: moto lists every one in every Region, each ARN naming us-east-1.
def control(region):
    client = boto3.client("s3control", region_name=region, **kw)
    def strip(request, **_): request.url = request.url.replace(f"{ACCOUNT}.127.0.0.1", "127.0.0.1")  # no account-id host prefix on an IP
    client.meta.events.register("before-send.s3-control.*", strip)
    return client
control("us-east-1").create_access_point(AccountId=ACCOUNT, Name="ap-open", Bucket="acme-public-assets", PublicAccessBlockConfiguration=OFF)
control("eu-west-1").create_access_point(AccountId=ACCOUNT, Name="ap-eu-vpc", Bucket="acme-eu-public", VpcConfiguration={"VpcId": "vpc-0abc1234"})
control("us-east-1").put_public_access_block(AccountId=ACCOUNT, PublicAccessBlockConfiguration={**OFF, "BlockPublicAcls": True})

# ---------------------------------------------------------------- Network
ec2 = c("ec2"); ec2eu = c("ec2", "eu-west-1")
W4 = [{"CidrIp": "0.0.0.0/0"}]; W6 = [{"CidrIpv6": "::/0"}]
def sg(name, vpc, perms, client=ec2):
    group = client.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]
    if perms: client.authorize_security_group_ingress(GroupId=group, IpPermissions=perms)
    return group
def tcp(port, ranges=W4, v6=None): return {"IpProtocol": "tcp", "FromPort": port, "ToPort": port, **({"Ipv6Ranges": v6} if v6 else {"IpRanges": ranges})}
default_vpc = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
ids["vpc"] = default_vpc
ids["sg_open"] = sg("ssh-open", default_vpc, [tcp(22), tcp(3389, v6=W6)])
ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
def run(client=ec2, image=ami, tokens="optional", endpoint="enabled", **extra):
    return client.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                MetadataOptions={"HttpTokens": tokens, "HttpEndpoint": endpoint}, **extra)["Instances"][0]["InstanceId"]
ids["instance"] = run(SecurityGroupIds=[ids["sg_open"]])  # IMDSv1, world-open SSH and RDP

# A custom VPC: a public subnet routed to an internet gateway, a private one; flow log on ALL traffic.
vpc = ec2.create_vpc(CidrBlock="10.10.0.0/16")["Vpc"]["VpcId"]
pub = ec2.create_subnet(VpcId=vpc, CidrBlock="10.10.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
ec2.modify_subnet_attribute(SubnetId=pub, MapPublicIpOnLaunch={"Value": True})
priv = ec2.create_subnet(VpcId=vpc, CidrBlock="10.10.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
rt = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
ec2.create_route(RouteTableId=rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
ec2.associate_route_table(RouteTableId=rt, SubnetId=pub)
c("logs").create_log_group(logGroupName="/vpc/flow")
flow_role = iam.create_role(RoleName="flowlogs", AssumeRolePolicyDocument=trust({"Service": "vpc-flow-logs.amazonaws.com"}))["Role"]["Arn"]
ec2.create_flow_logs(ResourceIds=[vpc], ResourceType="VPC", TrafficType="ALL", LogGroupName="/vpc/flow", DeliverLogsPermissionArn=flow_role)
accept_only = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]  # flow log without rejected traffic
ec2.create_flow_logs(ResourceIds=[accept_only], ResourceType="VPC", TrafficType="ACCEPT", LogGroupName="/vpc/flow", DeliverLogsPermissionArn=flow_role)
ids.update(prod_vpc=vpc, public_subnet=pub, private_subnet=priv, accept_only_vpc=accept_only)
ids["sg_all_open"] = sg("all-open", vpc, [{"IpProtocol": "-1", "IpRanges": W4, "Ipv6Ranges": W6}])
ids["sg_db_open"] = sg("db-open", vpc, [tcp(3306), tcp(5432, v6=W6), tcp(6379), tcp(27017)])
ids["sg_web_ok"] = sg("web-ok", vpc, [tcp(443)])
ids["sg_ssh_corp"] = sg("ssh-corp", vpc, [tcp(22, [{"CidrIp": "203.0.113.0/24"}])])
ids["sg_from_web"] = sg("app-from-web", vpc, [{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": ids["sg_web_ok"]}]}])
ids["sg_numeric"] = sg("numeric-proto", vpc, [{"IpProtocol": "6", "FromPort": 3389, "ToPort": 3389, "IpRanges": [{"CidrIp": "10.0.0.0/8"}, {"CidrIp": "0.0.0.0/0"}]}])
ids["sg_unused"] = sg("unused-open", vpc, [tcp(22)])
# The default group of the custom VPC has a world-open rule; the accept-only VPC's default group is emptied.
ids["default_sg_open"] = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]
ec2.authorize_security_group_ingress(GroupId=ids["default_sg_open"], IpPermissions=[tcp(80)])
clean = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [accept_only]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]
ec2.revoke_security_group_ingress(GroupId=clean["GroupId"], IpPermissions=clean["IpPermissions"])
ec2.revoke_security_group_egress(GroupId=clean["GroupId"], IpPermissions=clean["IpPermissionsEgress"])
ids["default_sg_clean"] = clean["GroupId"]
# Network ACLs: world SSH/RDP on the public subnet; the private subnet's ACL denies SSH before allowing all.
def acl(subnet, *entries):
    nacl = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    for number, action, port_from, port_to in entries:
        ec2.create_network_acl_entry(NetworkAclId=nacl, RuleNumber=number, Protocol="6", RuleAction=action, Egress=False, CidrBlock="0.0.0.0/0", PortRange={"From": port_from, "To": port_to})
    ec2.create_network_acl_entry(NetworkAclId=nacl, RuleNumber=100, Protocol="-1", RuleAction="allow", Egress=True, CidrBlock="0.0.0.0/0")
    current = ec2.describe_network_acls(Filters=[{"Name": "association.subnet-id", "Values": [subnet]}])["NetworkAcls"][0]["Associations"]
    association = next(a for a in current if a["SubnetId"] == subnet)["NetworkAclAssociationId"]
    ec2.replace_network_acl_association(AssociationId=association, NetworkAclId=nacl)
    return nacl
ids["nacl_open"] = acl(pub, (100, "allow", 22, 22), (110, "allow", 3389, 3389), (120, "allow", 5432, 5432), (200, "allow", 443, 443))
ids["nacl_tight"] = acl(priv, (50, "deny", 22, 22), (60, "deny", 3389, 3389), (100, "allow", 1024, 65535))
def run_in(subnet, groups, public=None):
    interface = {"DeviceIndex": 0, "SubnetId": subnet, "Groups": groups, **({} if public is None else {"AssociatePublicIpAddress": public})}
    return run(tokens="required", NetworkInterfaces=[interface])
ids["i_all_open"] = run_in(pub, [ids["sg_all_open"]], True)
ids["i_web"] = run_in(pub, [ids["sg_web_ok"]])
ids["i_private"] = run_in(priv, [ids["sg_from_web"]], False)
# Peering: a route wider than the peer (FAIL); an exact route; a route to the peer's secondary block,
# which moto leaves out of CidrBlockSet.
def peering(peer_cidr, route, secondary=None):
    peer = ec2.create_vpc(CidrBlock=peer_cidr)["Vpc"]["VpcId"]
    if secondary: ec2.associate_vpc_cidr_block(VpcId=peer, CidrBlock=secondary)
    pcx = ec2.create_vpc_peering_connection(VpcId=vpc, PeerVpcId=peer)["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    ec2.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    ec2.create_route(RouteTableId=rt, DestinationCidrBlock=route, VpcPeeringConnectionId=pcx)
    return pcx
ids["pcx_wide"] = peering("10.20.0.0/16", "10.0.0.0/8")
ids["pcx_exact"] = peering("10.40.0.0/16", "10.40.0.0/16")
ids["pcx_secondary"] = peering("10.60.0.0/16", "10.61.0.0/16", secondary="10.61.0.0/16")
# A group used only by an RDS instance (AWS attaches it to an interface moto never creates).
ids["sg_rds_only"] = sg("pg-open", vpc, [tcp(5432)])
rds = c("rds")
rds.create_db_subnet_group(DBSubnetGroupName="public", DBSubnetGroupDescription="public", SubnetIds=[pub])
rds.create_db_instance(DBInstanceIdentifier="public-db", DBInstanceClass="db.t3.micro", Engine="postgres", EngineVersion="16.4", MasterUsername="admin1", MasterUserPassword="password123",
                       AllocatedStorage=20, PubliclyAccessible=True, StorageEncrypted=True, DBSubnetGroupName="public", VpcSecurityGroupIds=[ids["sg_rds_only"]])
ids["sg_eu_ssh"] = sg("eu-ssh", ec2eu.describe_vpcs()["Vpcs"][0]["VpcId"], [tcp(22)], ec2eu)

# ---------------------------------------------------------------- Compute and maintenance
# IMDS: required (PASS) and turned off (PASS); a Windows Server 2003 AMI (end of support 2015).
ids["i_imdsv2"] = run(tokens="required")
ids["i_imds_off"] = run(endpoint="disabled")
w2003 = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["Windows_Server-2003-*"]}])["Images"][0]["ImageId"]
ids["i_win2003"] = run(image=w2003, tokens="required")
eks = c("eks")
eks_role = iam.create_role(RoleName="eks-cluster", AssumeRolePolicyDocument=trust({"Service": "eks.amazonaws.com"}))["Role"]["Arn"]
for name, version in [("old-cluster", "1.23"), ("current-cluster", "1.35")]:
    eks.create_cluster(name=name, version=version, roleArn=eks_role, resourcesVpcConfig={"subnetIds": [priv]})
lam = c("lambda")
lambda_role = iam.create_role(RoleName="lambda-exec", AssumeRolePolicyDocument=trust({"Service": "lambda.amazonaws.com"}))["Role"]["Arn"]
zipped = io.BytesIO()
with zipfile.ZipFile(zipped, "w") as z: z.writestr("index.py", "def handler(event, context):\n    return 1\n")
for name, runtime in [("legacy-py37", "python3.7"), ("legacy-node12", "nodejs12.x"), ("current-py312", "python3.12")]:
    lam.create_function(FunctionName=name, Runtime=runtime, Role=lambda_role, Handler="index.handler", Code={"ZipFile": zipped.getvalue()})
# RDS engines: moto's default postgres is 9.3.3, older than the oldest major RDS lists as ended.
rds.create_db_instance(DBInstanceIdentifier="mysql57-no-minor", DBInstanceClass="db.t3.micro", Engine="mysql", EngineVersion="5.7.44", AutoMinorVersionUpgrade=False, PubliclyAccessible=False,
                       MasterUsername="admin1", MasterUserPassword="password123", AllocatedStorage=20, StorageEncrypted=True)
# Inspector stays off: moto answers an empty account list, which AWS never does.

# ---------------------------------------------------------------- Data protection
kms = c("kms")
ids["key_no_rotation"] = kms.create_key(Description="no rotation")["KeyMetadata"]["KeyId"]  # moto omits KeyUsage
rot = kms.create_key(Description="rotating")["KeyMetadata"]["KeyId"]; kms.enable_key_rotation(KeyId=rot); ids["key_rotating"] = rot
ids["key_rsa"] = kms.create_key(Description="signing", KeySpec="RSA_2048", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["KeyId"]
ids["key_pending"] = kms.create_key(Description="doomed")["KeyMetadata"]["KeyId"]
kms.schedule_key_deletion(KeyId=ids["key_pending"], PendingWindowInDays=7)
everyone = doc({"Sid": "root", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "kms:*", "Resource": "*"},
               {"Sid": "everyone", "Effect": "Allow", "Principal": "*", "Action": ["kms:Decrypt", "kms:Encrypt"], "Resource": "*"})
ids["key_public"] = kms.create_key(Description="public policy", Policy=everyone)["KeyMetadata"]["KeyId"]
kms.enable_key_rotation(KeyId=ids["key_public"])
# EBS: default encryption off here, on in eu-west-1; the account's only unencrypted snapshot is public.
c("ec2", "eu-west-1").enable_ebs_encryption_by_default()
ids["volume"] = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8)["VolumeId"]
ids["volume_encrypted"] = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8, Encrypted=True, KmsKeyId=rot)["VolumeId"]
ids["snapshot_public"] = ec2.create_snapshot(VolumeId=ids["volume"])["SnapshotId"]
ec2.modify_snapshot_attribute(SnapshotId=ids["snapshot_public"], Attribute="createVolumePermission", OperationType="add", GroupNames=["all"])
ids["snapshot_shared"] = ec2.create_snapshot(VolumeId=ids["volume_encrypted"])["SnapshotId"]
ec2.modify_snapshot_attribute(SnapshotId=ids["snapshot_shared"], Attribute="createVolumePermission", OperationType="add", UserIds=["111122223333"])
ids["snapshot_private"] = ec2.create_snapshot(VolumeId=ids["volume_encrypted"])["SnapshotId"]
# RDS: public, unencrypted, moto's default engine; no backups and TLS not forced; a correct one.
for group, force_ssl in [("pg-nossl", "0"), ("pg-ssl", "1")]:
    rds.create_db_parameter_group(DBParameterGroupName=group, DBParameterGroupFamily="postgres16", Description=group)
    rds.modify_db_parameter_group(DBParameterGroupName=group, Parameters=[{"ParameterName": "rds.force_ssl", "ParameterValue": force_ssl, "ApplyMethod": "immediate"}])
rds.create_db_instance(DBInstanceIdentifier="acme-db", DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="admin1", MasterUserPassword="password123", AllocatedStorage=20, PubliclyAccessible=True, StorageEncrypted=False)
rds.create_db_instance(DBInstanceIdentifier="orders-db", DBInstanceClass="db.t3.micro", Engine="postgres", EngineVersion="16.4", MasterUsername="admin1", MasterUserPassword="password123",
                       AllocatedStorage=20, PubliclyAccessible=False, StorageEncrypted=True, KmsKeyId=rot, BackupRetentionPeriod=0, DBParameterGroupName="pg-nossl")
rds.create_db_instance(DBInstanceIdentifier="billing-db-ok", DBInstanceClass="db.t3.micro", Engine="postgres", EngineVersion="16.4", AutoMinorVersionUpgrade=True, MasterUsername="admin1", MasterUserPassword="password123",
                       AllocatedStorage=20, PubliclyAccessible=False, StorageEncrypted=True, KmsKeyId=rot, BackupRetentionPeriod=7, DBParameterGroupName="pg-ssl")
rds.create_db_snapshot(DBInstanceIdentifier="acme-db", DBSnapshotIdentifier="acme-db-public-snap")
rds.modify_db_snapshot_attribute(DBSnapshotIdentifier="acme-db-public-snap", AttributeName="restore", ValuesToAdd=["all"])
rds.create_db_snapshot(DBInstanceIdentifier="billing-db-ok", DBSnapshotIdentifier="billing-db-ok-snap")
# DynamoDB: AWS owned key, no PITR; the AWS managed key (moto calls its key CUSTOMER); a bare customer key id with PITR.
ddb = c("dynamodb")
def table(name, **sse):
    return ddb.create_table(TableName=name, AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST", **sse)["TableDescription"]
table("orders")
sessions = table("sessions", SSESpecification={"Enabled": True, "SSEType": "KMS"})
ids["key_aws_dynamodb"] = sessions["SSEDescription"]["KMSMasterKeyArn"].split("/")[-1]
table("payments", SSESpecification={"Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": rot})
ddb.update_continuous_backups(TableName="payments", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
efs = c("efs")
ids["efs_plain"] = efs.create_file_system(CreationToken="plain", Encrypted=False)["FileSystemId"]
ids["efs_encrypted"] = efs.create_file_system(CreationToken="enc", Encrypted=True, KmsKeyId=rot)["FileSystemId"]
logs = c("logs")
logs.create_log_group(logGroupName="/app/no-retention")
logs.create_log_group(logGroupName="/app/kms", kmsKeyId=f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{rot}")

# ---------------------------------------------------------------- Logging and monitoring (its own test: test/integration/moto-logging-monitoring.test.ts)
s3.create_bucket(Bucket="acme-trail")
c("cloudtrail").create_trail(Name="main", S3BucketName="acme-trail", IsMultiRegionTrail=False, EnableLogFileValidation=False)
c("sns").create_topic(Name="alerts")
c("sqs").create_queue(QueueName="jobs")

print(json.dumps(ids))
