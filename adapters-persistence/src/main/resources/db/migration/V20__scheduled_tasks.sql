-- The job queue: db-scheduler's table for PostgreSQL, as db-scheduler 16.x defines it (postgresql_tables.sql).
--
-- One row per queued or running execution; a worker picks a row with SELECT ... FOR UPDATE SKIP LOCKED, keeps
-- last_heartbeat fresh while it runs, and any scheduler revives an execution whose heartbeat has gone stale.
-- The table is the platform's own machinery, not tenant data: the tenant of a job is in its task data, and the
-- job's work runs in a transaction of that tenant.

CREATE TABLE scheduled_tasks (
    task_name             TEXT                     NOT NULL,
    task_instance         TEXT                     NOT NULL,
    task_data             BYTEA,
    execution_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    picked                BOOLEAN                  NOT NULL,
    picked_by             TEXT,
    last_success          TIMESTAMP WITH TIME ZONE,
    last_failure          TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INT,
    last_heartbeat        TIMESTAMP WITH TIME ZONE,
    version               BIGINT                   NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
