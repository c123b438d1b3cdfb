-- raw_data as a TimescaleDB hypertable (7-day chunks), compressed by meter and channel after 30 days.
CREATE EXTENSION IF NOT EXISTS timescaledb;
-- Keys compare bytewise (COLLATE "C"): ids are ASCII, and the primary-key index is cheaper.
CREATE TABLE raw_data (
  meter_id    TEXT COLLATE "C" NOT NULL,
  obis        TEXT COLLATE "C" NOT NULL,
  "timestamp" TIMESTAMPTZ      NOT NULL,
  value       DOUBLE PRECISION NOT NULL,
  unit        TEXT             NOT NULL,
  status      SMALLINT         NOT NULL,
  quality     TEXT             NOT NULL,
  source      TEXT             NOT NULL,
  ingested_at TIMESTAMPTZ      NOT NULL,
  PRIMARY KEY (meter_id, obis, "timestamp")
);
SELECT create_hypertable('raw_data', 'timestamp', chunk_time_interval => INTERVAL '7 days');
ALTER TABLE raw_data SET (timescaledb.compress, timescaledb.compress_segmentby = 'meter_id, obis',
  timescaledb.compress_orderby = '"timestamp"');
SELECT add_compression_policy('raw_data', INTERVAL '30 days');
