-- What a person chose for themselves in the portal (My profile): for now the time zone their pages show times in.
-- Keyed by objectGUID; no row means the organisation's default (afterhours.display.zone).
CREATE TABLE person_setting (
    person_guid CHAR(36)                    PRIMARY KEY,
    time_zone   VARCHAR(64)                 NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
