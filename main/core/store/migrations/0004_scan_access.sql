-- Version 4: how a scan signs in, so that an organization member's scan can be resumed.
-- NULL: with its profile's own credentials. Otherwise JSON {"roleArn": "...", "externalId": "..."}:
-- the role the profile assumed in the member account, and the external ID sent with AssumeRole
-- (absent when none was). AWS does not treat an external ID as a secret: anyone allowed to view the
-- role can read it (IAM User Guide, "How to use an external ID when granting access to your AWS
-- resources to a third party"); ~/.aws/config keeps it in the clear as external_id, too.
-- Credentials and session tokens are never stored.

ALTER TABLE scans ADD COLUMN access TEXT CHECK (access IS NULL OR json_valid(access));
