"""
Seeds a moto server with an AWS Organization: the management account (moto's 123456789012) and one
member created by CreateAccount, reached through OrganizationAccountAccessRole as on AWS.
The member gets a public bucket and a GuardDuty-less region; the management account stays empty.
Usage: python3 moto_seed_org.py http://127.0.0.1:PORT  (prints {"member": id} as JSON).
"""
import json
import sys

import boto3

ENDPOINT = sys.argv[1]
KEYS = dict(endpoint_url=ENDPOINT, aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")

org = boto3.client("organizations", **KEYS)
org.create_organization(FeatureSet="ALL")
member = org.create_account(Email="member@example.com", AccountName="acme-workloads")["CreateAccountStatus"]["AccountId"]

creds = boto3.client("sts", **KEYS).assume_role(RoleArn=f"arn:aws:iam::{member}:role/OrganizationAccountAccessRole", RoleSessionName="seeder")["Credentials"]
in_member = dict(endpoint_url=ENDPOINT, aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"], region_name="us-east-1")
s3 = boto3.client("s3", **in_member)
s3.create_bucket(Bucket="acme-workloads-public")
s3.put_bucket_acl(Bucket="acme-workloads-public", ACL="public-read")

print(json.dumps({"member": member}))
