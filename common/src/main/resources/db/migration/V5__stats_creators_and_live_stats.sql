-- Stats I (stats-service): creators imported from Fanvue, live figures that a failed or empty answer never
-- overwrites, implausible drops held until confirmed, and the import state the new-connection check reads.

-- ---------------------------------------------------------------------------------------------------------
-- models: what the import keeps, one refreshed_at per figure, unread counts, the background-refresh claim
-- ---------------------------------------------------------------------------------------------------------
alter table models
    -- The agency's own name for the creator; only the agency sets it (Fanvue's nickname is not copied).
    add column nickname                       text check (length(btrim(nickname)) between 1 and 100),
    -- How the last import reached the creator: the agency connection's /creators listing, the agency
    -- connection's own user (/users/me isCreator), or only the creator's personal connection.
    add column seen_via                       text check (seen_via in ('agency', 'self', 'personal')),
    -- Null while the last complete import listed the creator; else when it first stopped being listed. The row,
    -- its status and its figures stay: the dashboard shows the mark.
    add column not_listed_since               timestamptz,
    add column unread_chats_count             integer check (unread_chats_count >= 0),
    add column unread_messages_count          integer check (unread_messages_count >= 0),
    -- Every figure has its own time: an answer may carry one figure of a pair and not the other.
    add column revenue_net_refreshed_at       timestamptz,
    add column available_balance_refreshed_at timestamptz,
    add column image_refreshed_at             timestamptz,
    add column video_refreshed_at             timestamptz,
    add column audio_refreshed_at             timestamptz,
    add column unread_chats_refreshed_at      timestamptz,
    add column unread_messages_refreshed_at   timestamptz,
    -- When a refresh of the creator last started: a stale read claims it, so replicas start one between them.
    add column stats_attempted_at             timestamptz;

update models set image_refreshed_at = media_counts_refreshed_at,
                  video_refreshed_at = media_counts_refreshed_at,
                  audio_refreshed_at = media_counts_refreshed_at;
alter table models drop column media_counts_refreshed_at;

-- ---------------------------------------------------------------------------------------------------------
-- Implausible drops: held here, not applied, until the next successful refresh confirms them
-- ---------------------------------------------------------------------------------------------------------
create table stats_pending_values (
    agency_id     uuid        not null,
    model_id      uuid        not null,
    field         text        not null check (length(field) between 1 and 100),
    pending_value bigint      not null,
    source        text        not null check (length(source) between 1 and 255),
    received_at   timestamptz not null,
    constraint stats_pending_values_pk primary key (model_id, field),
    constraint stats_pending_values_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade
);

-- A creator's anomalies, newest first (the admin API lists them per creator).
create index stats_anomalies_model_time_idx on stats_anomalies (model_id, occurred_at desc);

-- ---------------------------------------------------------------------------------------------------------
-- Creator imports: when each agency's last one started and finished. A Fanvue connection created after the
-- last start means a new or renewed connection whose creators are not imported yet.
-- ---------------------------------------------------------------------------------------------------------
create table stats_agency_imports (
    agency_id    uuid        primary key references agencies (id) on delete cascade,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    status       text        not null check (status in ('running', 'succeeded', 'partial', 'failed')),
    listed       integer     not null default 0 check (listed >= 0),
    inserted     integer     not null default 0 check (inserted >= 0),
    updated      integer     not null default 0 check (updated >= 0),
    unlisted     integer     not null default 0 check (unlisted >= 0),
    errors       text[]      not null default '{}'
);
