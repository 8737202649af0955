-- Leasehold schema, version 1: engagements -> accounts -> scans -> snapshot records and findings.

CREATE TABLE engagements (
  id          TEXT PRIMARY KEY,
  client      TEXT NOT NULL,
  consultant  TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  settings    TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE accounts (
  id             INTEGER PRIMARY KEY,
  engagement_id  TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  account_id     TEXT NOT NULL,
  UNIQUE (engagement_id, account_id)
) STRICT;

CREATE TABLE scans (
  id              TEXT PRIMARY KEY,
  account_ref     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  profile         TEXT NOT NULL,
  account_id      TEXT NOT NULL,
  caller_arn      TEXT NOT NULL,
  regions         TEXT NOT NULL,
  areas           TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted', 'cancelled', 'failed')),
  started_at      TEXT NOT NULL,
  ended_at        TEXT,
  tool_version    TEXT NOT NULL,
  checks_version  TEXT NOT NULL,
  label           TEXT NOT NULL DEFAULT '',
  calls           INTEGER NOT NULL DEFAULT 0,
  error           TEXT,
  -- Endpoint used per service, e.g. {"ec2":"default","s3":"http://127.0.0.1:4566"}.
  endpoints       TEXT NOT NULL DEFAULT '{}',
  -- The process that runs the scan; a "running" scan whose process is gone was interrupted.
  owner_pid       INTEGER,
  -- Set on a re-evaluation: the scan whose snapshot these results were computed from.
  source_scan_id  TEXT REFERENCES scans(id) ON DELETE SET NULL
) STRICT;

CREATE INDEX scans_by_account ON scans (account_ref, started_at);

-- Raw collected data: one row per (dataset, region, resource); resource_key '' holds a whole list call.
CREATE TABLE snapshot_records (
  scan_id        TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  dataset        TEXT NOT NULL,
  region         TEXT NOT NULL,
  resource_key   TEXT NOT NULL,
  ok             INTEGER NOT NULL CHECK (ok IN (0, 1)),
  data           TEXT,
  error_kind     TEXT,
  error_code     TEXT,
  error_message  TEXT,
  collected_at   TEXT NOT NULL,
  calls          INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scan_id, dataset, region, resource_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE findings (
  id             INTEGER PRIMARY KEY,
  scan_id        TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  finding_key    TEXT NOT NULL,
  check_id       TEXT NOT NULL,
  title          TEXT NOT NULL,
  area           TEXT NOT NULL,
  service        TEXT NOT NULL,
  severity       TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
  status         TEXT NOT NULL CHECK (status IN ('PASS', 'FAIL', 'NOT_ASSESSED', 'NOT_APPLICABLE')),
  message        TEXT NOT NULL,
  resource_id    TEXT NOT NULL,
  resource_arn   TEXT NOT NULL,
  resource_name  TEXT NOT NULL,
  region         TEXT NOT NULL,
  account_id     TEXT NOT NULL,
  evidence       TEXT NOT NULL DEFAULT '[]',
  reason         TEXT,
  UNIQUE (scan_id, finding_key)
) STRICT;

CREATE INDEX findings_by_scan ON findings (scan_id, status, area, severity);
