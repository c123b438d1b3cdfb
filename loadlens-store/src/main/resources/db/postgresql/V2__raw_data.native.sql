-- raw_data with native range partitions by month; partitions are created on demand by ingest.
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
) PARTITION BY RANGE ("timestamp");
