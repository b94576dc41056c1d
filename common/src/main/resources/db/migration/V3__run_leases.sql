-- Run leases (common's com.onyxos.common.run): one running run per scope, cluster-wide, whose owner is a process
-- (instance id + process start) holding a session-level advisory lock on one dedicated connection for its lifetime,
-- and writing a heartbeat every few seconds. A run is dead when its owner's lock is gone (PostgreSQL releases it the
-- moment the process or its connection dies) or its heartbeat is older than the bound; whoever finds it dead closes it
-- (closed_by) and may start the next one at once.

-- Generic job runs (stats-service's daily refresh, revenue heartbeat, creator import, ...): one running run per
-- (job, agency), agency_id null for a cluster-wide job.
create table job_runs (
    id           uuid        primary key default gen_random_uuid(),
    job          text        not null check (job ~ '^[a-z][a-z0-9_.-]{0,62}$'),
    agency_id    uuid        references agencies (id) on delete cascade,
    trigger      text        not null check (length(trigger) between 1 and 64),
    status       text        not null default 'running'
                             check (status in ('running', 'succeeded', 'partial', 'failed')),
    -- The process running it, and its last sign of life (written on a timer, not by progress).
    owner        text        not null check (length(owner) between 1 and 255),
    heartbeat_at timestamptz not null default now(),
    -- What the run counted so far (names to whole numbers), kept when its process dies.
    counts       jsonb       not null default '{}' check (jsonb_typeof(counts) = 'object'),
    errors       text[]      not null default '{}',
    message      text,
    -- The owner that closed the run because its own process had died; null when its process finished it.
    closed_by    text,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    check ((status = 'running') = (finished_at is null))
);
-- One running run per job and agency, cluster-wide (a null agency is one scope of its own).
create unique index job_runs_one_running_uq
    on job_runs (job, coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid)) where status = 'running';
create index job_runs_job_agency_started_idx on job_runs (job, agency_id, started_at desc);
-- Heartbeats and dead-owner checks read the running runs by owner.
create index job_runs_running_owner_idx on job_runs (owner) where status = 'running';

-- Vault sync runs use the same lease.
alter table sync_runs add column closed_by text;
create index sync_runs_running_owner_idx on sync_runs (owner) where status = 'running';
