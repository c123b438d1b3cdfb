-- loadlens schema for PostgreSQL, except raw_data (V2, TimescaleDB or native partitions).
CREATE TABLE validated_data (
  meter_id    TEXT             NOT NULL,
  obis        TEXT             NOT NULL,
  "timestamp" TIMESTAMPTZ      NOT NULL,
  value       DOUBLE PRECISION,
  unit        TEXT             NOT NULL,
  interval_s  INTEGER          NOT NULL,
  quality     TEXT             NOT NULL,
  method      TEXT,
  reasons     BIGINT           NOT NULL,
  vee_version TEXT             NOT NULL,
  PRIMARY KEY (meter_id, obis, "timestamp")
);
CREATE INDEX validated_data_obis_time ON validated_data (obis, "timestamp");
CREATE TABLE meters (
  meter_id    TEXT PRIMARY KEY,
  group_name  TEXT             NOT NULL,
  feeder      TEXT             NOT NULL,
  transformer TEXT             NOT NULL,
  capacity_kw DOUBLE PRECISION NOT NULL,
  zone        TEXT             NOT NULL
);
CREATE TABLE meter_attributes (
  meter_id TEXT NOT NULL,
  name     TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (meter_id, name)
);
CREATE TABLE meter_events (
  meter_id TEXT        NOT NULL,
  kind     TEXT        NOT NULL,
  start_at TIMESTAMPTZ NOT NULL,
  end_at   TIMESTAMPTZ NOT NULL,
  code     TEXT        NOT NULL,
  detail   TEXT        NOT NULL,
  PRIMARY KEY (meter_id, kind, start_at, end_at, code)
);
CREATE INDEX meter_events_start ON meter_events (start_at);
CREATE TABLE conflicts (
  meter_id      TEXT             NOT NULL,
  obis          TEXT             NOT NULL,
  "timestamp"   TIMESTAMPTZ      NOT NULL,
  stored_value  DOUBLE PRECISION NOT NULL,
  offered_value DOUBLE PRECISION NOT NULL,
  source        TEXT             NOT NULL,
  seen_at       TIMESTAMPTZ      NOT NULL,
  PRIMARY KEY (meter_id, obis, "timestamp", offered_value)
);
CREATE TABLE edits (
  meter_id    TEXT             NOT NULL,
  obis        TEXT             NOT NULL,
  "timestamp" TIMESTAMPTZ      NOT NULL,
  value       DOUBLE PRECISION NOT NULL,
  edited_by   TEXT             NOT NULL,
  reason      TEXT             NOT NULL,
  edited_at   TIMESTAMPTZ      NOT NULL
);
CREATE INDEX edits_key ON edits (meter_id, obis, "timestamp");
CREATE TABLE insights (
  subject     TEXT        NOT NULL,
  kind        TEXT        NOT NULL,
  json        TEXT        NOT NULL,
  computed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (subject, kind)
);
CREATE TABLE dead_letters (
  id          BIGSERIAL PRIMARY KEY,
  received_at TIMESTAMPTZ NOT NULL,
  source      TEXT        NOT NULL,
  reason      TEXT        NOT NULL,
  payload     BYTEA       NOT NULL
);
