-- Auto-approval rules saved in the portal by an administrator (product.md F3, F9). They are tried after the rules from
-- configuration (afterhours.request.auto-approve.*), in the order of sort_order (lowest first). The name is what a
-- decision records (request_decision.decided_by_rule) and what the monthly cap counts, so it is unique and never
-- changes; max_duration is an ISO-8601 duration. Versioned: a change from a stale page is refused. Portable SQL for
-- H2 2.x and PostgreSQL.
CREATE SEQUENCE auto_approval_rule_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE auto_approval_rule (
    id            BIGINT       PRIMARY KEY,
    version       BIGINT       NOT NULL,
    rule_name     VARCHAR(40)  NOT NULL,
    group_name    VARCHAR(256) NOT NULL,
    max_duration  VARCHAR(32)  NOT NULL,
    max_per_month INTEGER      NOT NULL,
    sort_order    INTEGER      NOT NULL,
    changed_by    VARCHAR(256) NOT NULL,
    changed_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT auto_approval_rule_name_uk UNIQUE (rule_name)
);
