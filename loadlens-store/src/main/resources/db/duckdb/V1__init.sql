-- loadlens schema for DuckDB (embedded default).
CREATE TABLE raw_data (
  meter_id    VARCHAR     NOT NULL,
  obis        VARCHAR     NOT NULL,
  "timestamp" TIMESTAMPTZ NOT NULL,
  value       DOUBLE      NOT NULL,
  unit        VARCHAR     NOT NULL,
  status      SMALLINT    NOT NULL,
  quality     VARCHAR     NOT NULL,
  source      VARCHAR     NOT NULL,
  ingested_at TIMESTAMPTZ NOT NULL
  -- Key (meter_id, obis, "timestamp"): unique, enforced by the ingest path (single writer,
  -- join against the stored rows), not by an ART index, which made bulk ingest several times
  -- slower and must be held in memory (see docs/STORE.md).
);
-- No unique constraint: replaceValidated deletes a span and inserts it again in one transaction,
-- which DuckDB's eager constraint check rejects on keyed tables. Uniqueness follows from that.
CREATE TABLE validated_data (
  meter_id    VARCHAR     NOT NULL,
  obis        VARCHAR     NOT NULL,
  "timestamp" TIMESTAMPTZ NOT NULL,
  value       DOUBLE,
  unit        VARCHAR     NOT NULL,
  interval_s  INTEGER     NOT NULL,
  quality     VARCHAR     NOT NULL,
  method      VARCHAR,
  reasons     BIGINT      NOT NULL,
  vee_version VARCHAR     NOT NULL
);
CREATE TABLE meters (
  meter_id    VARCHAR PRIMARY KEY,
  group_name  VARCHAR NOT NULL,
  feeder      VARCHAR NOT NULL,
  transformer VARCHAR NOT NULL,
  capacity_kw DOUBLE  NOT NULL,
  zone        VARCHAR NOT NULL
);
CREATE TABLE meter_attributes (
  meter_id VARCHAR NOT NULL,
  name     VARCHAR NOT NULL,
  value    VARCHAR NOT NULL
);
CREATE TABLE meter_events (
  meter_id VARCHAR     NOT NULL,
  kind     VARCHAR     NOT NULL,
  start_at TIMESTAMPTZ NOT NULL,
  end_at   TIMESTAMPTZ NOT NULL,
  code     VARCHAR     NOT NULL,
  detail   VARCHAR     NOT NULL,
  PRIMARY KEY (meter_id, kind, start_at, end_at, code)
);
CREATE TABLE conflicts (
  meter_id       VARCHAR     NOT NULL,
  obis           VARCHAR     NOT NULL,
  "timestamp"    TIMESTAMPTZ NOT NULL,
  stored_value   DOUBLE      NOT NULL,
  offered_value  DOUBLE      NOT NULL,
  source         VARCHAR     NOT NULL,
  seen_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (meter_id, obis, "timestamp", offered_value)
);
CREATE TABLE edits (
  meter_id    VARCHAR     NOT NULL,
  obis        VARCHAR     NOT NULL,
  "timestamp" TIMESTAMPTZ NOT NULL,
  value       DOUBLE      NOT NULL,
  edited_by   VARCHAR     NOT NULL,
  reason      VARCHAR     NOT NULL,
  edited_at   TIMESTAMPTZ NOT NULL
);
CREATE TABLE insights (
  subject     VARCHAR     NOT NULL,
  kind        VARCHAR     NOT NULL,
  json        VARCHAR     NOT NULL,
  computed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (subject, kind)
);
CREATE SEQUENCE dead_letter_ids;
CREATE TABLE dead_letters (
  id          BIGINT      NOT NULL DEFAULT nextval('dead_letter_ids'),
  received_at TIMESTAMPTZ NOT NULL,
  source      VARCHAR     NOT NULL,
  reason      VARCHAR     NOT NULL,
  payload     BLOB        NOT NULL
);
