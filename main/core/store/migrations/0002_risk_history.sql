-- Version 2: engagement life cycle, risk acceptance, manual controls, reference-data versions.

ALTER TABLE engagements ADD COLUMN archived_at TEXT;

ALTER TABLE scans ADD COLUMN reference_version TEXT NOT NULL DEFAULT '';

-- A risk accepted for one finding (resource_id set) or for a whole check (resource_id NULL),
-- optionally narrowed to an account and a region. Expired acceptances stop applying.
CREATE TABLE risk_acceptances (
  id             INTEGER PRIMARY KEY,
  engagement_id  TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  check_id       TEXT NOT NULL,
  account_id     TEXT,
  region         TEXT,
  resource_id    TEXT,
  justification  TEXT NOT NULL CHECK (length(justification) > 0),
  approver       TEXT NOT NULL CHECK (length(approver) > 0),
  expires_at     TEXT,
  created_at     TEXT NOT NULL,
  revoked_at     TEXT
) STRICT;

CREATE INDEX risk_acceptances_by_check ON risk_acceptances (engagement_id, check_id);

-- Items no API can check (CIS contact details, security questions...), answered per engagement.
CREATE TABLE manual_answers (
  engagement_id  TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  control_id     TEXT NOT NULL,
  answer         TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'not-applicable', 'unknown')),
  notes          TEXT NOT NULL DEFAULT '',
  answered_at    TEXT NOT NULL,
  answered_by    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (engagement_id, control_id)
) STRICT;

-- The findings explorer: sort keys as integers and one lower-case text to search, so a filtered,
-- sorted page of a 50,000-finding scan is read from an index instead of sorted in full.
ALTER TABLE findings ADD COLUMN status_rank INTEGER NOT NULL DEFAULT 9;
ALTER TABLE findings ADD COLUMN severity_rank INTEGER NOT NULL DEFAULT 9;
ALTER TABLE findings ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

UPDATE findings SET
  status_rank = CASE status WHEN 'FAIL' THEN 0 WHEN 'NOT_ASSESSED' THEN 1 WHEN 'PASS' THEN 2 ELSE 3 END,
  severity_rank = CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
  search_text = lower(title || ' ' || message || ' ' || check_id || ' ' || resource_id || ' ' || resource_name || ' ' || resource_arn);

CREATE INDEX findings_by_rank ON findings (scan_id, status_rank, severity_rank, check_id, resource_id);
CREATE INDEX findings_by_resource ON findings (scan_id, resource_name, resource_id, check_id);
-- Free text and the region/service filters read these instead of every row of the scan.
CREATE INDEX findings_by_text ON findings (scan_id, search_text);
CREATE INDEX findings_by_region ON findings (scan_id, region, service);
