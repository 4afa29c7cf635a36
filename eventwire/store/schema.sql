-- eventwire's embedded store (DuckDB). One row per article in `articles`; its coded record's
-- parts in the other tables, keyed by article_id. An article and all its rows are written in
-- one transaction, so a killed ingest leaves either the whole article or none of it.
-- A duplicate (same URL, same normalized text, or a near-copy) is an `articles` row whose
-- `duplicate_of` names the first copy; it is not coded again and has no rows elsewhere.

CREATE TABLE IF NOT EXISTS articles (
    id            VARCHAR PRIMARY KEY,   -- the record's article.id
    url           VARCHAR,
    outlet        VARCHAR,
    title         VARCHAR,
    published     VARCHAR,               -- YYYY-MM-DD, the reference date
    language      VARCHAR,
    text          VARCHAR,               -- the cleaned text all offsets index
    source        VARCHAR,               -- where it was read from (path, path:line, URL)
    fingerprint   VARCHAR,               -- sha1 of the normalized text (exact duplicates)
    minhash       UBIGINT[],             -- MinHash signature (near duplicates)
    duplicate_of  VARCHAR,               -- id of the first copy, NULL for an original
    ingested_at   TIMESTAMP,
    record        JSON                   -- the full record as eventwire emits it
);

CREATE TABLE IF NOT EXISTS events (
    article_id          VARCHAR,
    event_id            VARCHAR,
    event_type          VARCHAR,
    mode                VARCHAR,
    quad_class          VARCHAR,
    modality            VARCHAR,
    actor_names         VARCHAR[],
    actor_countries     VARCHAR[],
    recipient_names     VARCHAR[],
    recipient_countries VARCHAR[],
    place_names         VARCHAR[],
    place_countries     VARCHAR[],
    lat                 DOUBLE,          -- of the first located place
    lon                 DOUBLE,
    date                VARCHAR,         -- ISO value; NULL when the text gives none
    date_precision      VARCHAR,
    size                DOUBLE,
    size_unit           VARCHAR,
    source_name         VARCHAR,         -- the in-text attribution's source
    trigger             VARCHAR,
    evidence            VARCHAR,         -- the first evidence sentence
    confidence          DOUBLE,
    PRIMARY KEY (article_id, event_id)
);

CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
    name VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, event_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
    name VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
    geonameid VARCHAR, feature VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
    speaker_name VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR, cue VARCHAR
);

CREATE TABLE IF NOT EXISTS quantities (
    article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
    value DOUBLE, value_max DOUBLE, unit VARCHAR, approximate BOOLEAN
);

CREATE TABLE IF NOT EXISTS errors (
    source VARCHAR, code VARCHAR, reason VARCHAR, seen_at TIMESTAMP,
    PRIMARY KEY (source, code)
);
