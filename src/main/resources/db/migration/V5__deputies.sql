-- Deputies (product.md F3): a manager names someone to decide in their place for a date range. The range is kept as
-- two instants (the first day's start to the day after the last, in the display zone when it was set), so "active
-- now" is one indexed comparison. Portable SQL for H2 2.x and PostgreSQL.
CREATE SEQUENCE deputy_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE deputy (
    id             BIGINT PRIMARY KEY,
    manager_guid   CHAR(36)                    NOT NULL,
    manager_name   VARCHAR(256),
    deputy_guid    CHAR(36)                    NOT NULL,
    deputy_account VARCHAR(256)                NOT NULL,
    deputy_name    VARCHAR(256),
    starts_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ends_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT deputy_range_ck CHECK (ends_at > starts_at),
    CONSTRAINT deputy_not_self_ck CHECK (deputy_guid <> manager_guid)
);

CREATE INDEX deputy_deputy_ix ON deputy (deputy_guid, ends_at);
CREATE INDEX deputy_manager_ix ON deputy (manager_guid, ends_at);
