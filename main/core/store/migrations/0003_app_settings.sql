-- Version 3: application settings (concurrency, default authorized ports, the consultant's name),
-- shared by the CLI and every window. One row per setting, its value as JSON, so a new setting
-- needs no migration; a missing row means the default.

CREATE TABLE app_settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
