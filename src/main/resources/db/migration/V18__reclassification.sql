-- Administration (product.md F9): "Reclassify stored notifications" on the Field mapping page. One row: the run in
-- progress or the last one. Pressing the button takes the row with a conditional UPDATE (run_state not RUNNING, or a
-- RUNNING row whose heartbeat is older than the lease: its instance died), so one run at a time across instances.
-- Each batch of notifications commits together with its progress here. Portable SQL for H2 2.x and PostgreSQL.
CREATE TABLE reclassification (
    name               VARCHAR(32)  PRIMARY KEY,
    run_state          VARCHAR(16)  NOT NULL,
    run_token          VARCHAR(36),
    started_by         VARCHAR(256),
    started_at         TIMESTAMP(6) WITH TIME ZONE,
    heartbeat_at       TIMESTAMP(6) WITH TIME ZONE,
    finished_at        TIMESTAMP(6) WITH TIME ZONE,
    last_id            BIGINT       NOT NULL,
    examined           BIGINT       NOT NULL,
    changed_rows       BIGINT       NOT NULL,
    newly_mapped       BIGINT       NOT NULL,
    newly_out_of_hours BIGINT       NOT NULL,
    unreadable         BIGINT       NOT NULL,
    error              VARCHAR(500)
);

INSERT INTO reclassification (name, run_state, last_id, examined, changed_rows, newly_mapped, newly_out_of_hours,
    unreadable) VALUES ('notifications', 'IDLE', 0, 0, 0, 0, 0, 0);
