-- Integer series keys. DuckDB's zone maps keep only the first 8 bytes of a VARCHAR, so meter ids
-- with a common prefix ("SIM-00001", "SIM-00002", ...) hardly prune a one-meter read. Every
-- (meter_id, obis) gets an INTEGER series_id from the registry table `series`; raw_data and
-- validated_data carry it as their last column and the store's reads filter on it. meter_id and
-- obis stay as they are for SQL written against the tables.
CREATE TABLE series (
  series_id INTEGER PRIMARY KEY,
  meter_id  VARCHAR NOT NULL,
  obis      VARCHAR NOT NULL,
  unit      VARCHAR NOT NULL,
  UNIQUE (meter_id, obis)
);
INSERT INTO series
SELECT CAST(row_number() OVER (ORDER BY meter_id, obis) AS INTEGER), meter_id, obis, unit
FROM (
  SELECT meter_id, obis, min(unit) AS unit FROM (
    SELECT meter_id, obis, unit FROM raw_data
    UNION ALL
    SELECT meter_id, obis, unit FROM validated_data
  ) GROUP BY meter_id, obis
);
-- The tables are rewritten in series and time order, so that each series' rows sit in as few row
-- groups as possible.
CREATE TABLE raw_data_v2 (
  meter_id    VARCHAR     NOT NULL,
  obis        VARCHAR     NOT NULL,
  "timestamp" TIMESTAMPTZ NOT NULL,
  value       DOUBLE      NOT NULL,
  unit        VARCHAR     NOT NULL,
  status      SMALLINT    NOT NULL,
  quality     VARCHAR     NOT NULL,
  source      VARCHAR     NOT NULL,
  ingested_at TIMESTAMPTZ NOT NULL,
  series_id   INTEGER     NOT NULL
);
INSERT INTO raw_data_v2
SELECT r.meter_id, r.obis, r."timestamp", r.value, r.unit, r.status, r.quality, r.source,
       r.ingested_at, s.series_id
FROM raw_data r JOIN series s ON s.meter_id = r.meter_id AND s.obis = r.obis
ORDER BY s.series_id, r."timestamp";
DROP TABLE raw_data;
ALTER TABLE raw_data_v2 RENAME TO raw_data;
CREATE TABLE validated_data_v2 (
  meter_id    VARCHAR     NOT NULL,
  obis        VARCHAR     NOT NULL,
  "timestamp" TIMESTAMPTZ NOT NULL,
  value       DOUBLE,
  unit        VARCHAR     NOT NULL,
  interval_s  INTEGER     NOT NULL,
  quality     VARCHAR     NOT NULL,
  method      VARCHAR,
  reasons     BIGINT      NOT NULL,
  vee_version VARCHAR     NOT NULL,
  series_id   INTEGER     NOT NULL
);
INSERT INTO validated_data_v2
SELECT v.meter_id, v.obis, v."timestamp", v.value, v.unit, v.interval_s, v.quality, v.method,
       v.reasons, v.vee_version, s.series_id
FROM validated_data v JOIN series s ON s.meter_id = v.meter_id AND s.obis = v.obis
ORDER BY s.series_id, v."timestamp";
DROP TABLE validated_data;
ALTER TABLE validated_data_v2 RENAME TO validated_data;
