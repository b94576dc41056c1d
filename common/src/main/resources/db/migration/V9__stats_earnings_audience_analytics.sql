-- Stats II (stats-service): earnings synced to the cent, their rollups for analytics, the earnings sync state,
-- audience (subscribers and followers per day), top spenders cross-checked against synced earnings, tracking links.

-- ---------------------------------------------------------------------------------------------------------
-- fanvue_transactions: one row per Fanvue earnings row.
-- Identity: (model_id, transaction_date, dedup_key), dedup_key = "<transactionOrderId>|<s|r>|<epoch ms>|<source>"
-- (s: a sale, gross and net >= 0; r: a refund or chargeback, a negative row repeating the original's order id).
-- An order's rows share transaction_order_id (a refund is linked to its original through it); the date and kind
-- tell an order's rows apart (a partial refund twice is two rows), while the status is not part of the identity: a
-- status change (completed -> disputed, ...) updates the row in place. Putting the date into the unique index lets
-- the same index serve every per-creator time range, so the table carries three indexes instead of five.
-- ---------------------------------------------------------------------------------------------------------
alter table fanvue_transactions
    -- sale, refund or chargeback (a negative row whose status names a chargeback), decided by the writer.
    add column entry_kind text not null default 'sale' check (entry_kind in ('sale', 'refund', 'chargeback'));

alter table fanvue_transactions drop constraint fanvue_transactions_dedup_uq;
drop index fanvue_transactions_agency_date_idx;
drop index fanvue_transactions_agency_type_date_idx;
drop index fanvue_transactions_model_type_fan_idx;
create unique index fanvue_transactions_model_date_dedup_uq
    on fanvue_transactions (model_id, transaction_date, dedup_key);
-- The agency's rows newest first in keyset order (lists, CSV export, the edges of analytics windows).
create index fanvue_transactions_agency_date_id_idx on fanvue_transactions (agency_id, transaction_date, id);

-- The tenant check of every inserted or updated row, one set-based query per statement instead of the foreign key's
-- per-row trigger: the row-level check (a lookup and a KEY SHARE lock of the creator's row for every row) cost more
-- than the row itself at batch sizes of thousands (see stats-service/README.md, "Earnings ingest"). Same guarantee:
-- a row's (model_id, agency_id) must be a creator of that agency (else 23503 like a foreign key), the creators are
-- locked FOR KEY SHARE until commit (a concurrent delete waits), and deleting a creator deletes its rows.
alter table fanvue_transactions drop constraint fanvue_transactions_model_fk;

create function fanvue_transactions_tenant_check() returns trigger language plpgsql as $$
begin
    perform 1 from models m where m.id in (select distinct t.model_id from checked_rows t) for key share of m;
    if exists (select 1 from checked_rows t
               where not exists (select 1 from models m where m.id = t.model_id and m.agency_id = t.agency_id)) then
        raise exception 'fanvue_transactions rows must belong to a creator of their agency'
            using errcode = 'foreign_key_violation', constraint = 'fanvue_transactions_model_fk';
    end if;
    return null;
end $$;

create trigger fanvue_transactions_tenant_insert after insert on fanvue_transactions
    referencing new table as checked_rows for each statement execute function fanvue_transactions_tenant_check();
create trigger fanvue_transactions_tenant_update after update on fanvue_transactions
    referencing new table as checked_rows for each statement execute function fanvue_transactions_tenant_check();

create function models_delete_transactions() returns trigger language plpgsql as $$
begin
    delete from fanvue_transactions t using deleted_models d where t.model_id = d.id;
    return null;
end $$;

create trigger models_delete_transactions after delete on models
    referencing old table as deleted_models for each statement execute function models_delete_transactions();

-- ---------------------------------------------------------------------------------------------------------
-- Earnings sync state, one row per creator: where the next incremental pass starts, what the first one covered,
-- and which dates the rollups must recompute.
-- ---------------------------------------------------------------------------------------------------------
create table stats_earnings_sync (
    model_id          uuid        primary key,
    agency_id         uuid        not null,
    -- Newest transaction date a complete pass read; the next pass asks from (high_water_mark - overlap).
    high_water_mark   timestamptz,
    -- Start of the window the first complete pass asked for (its backfill); null: from the creator's first row.
    covered_from      timestamptz,
    -- Whether a pass has completed (covered_from is then meaningful).
    backfilled        boolean     not null default false,
    status            text        not null default 'idle' check (status in ('idle', 'running', 'succeeded', 'failed')),
    last_started_at   timestamptz,
    last_finished_at  timestamptz,
    last_rows_seen    integer     not null default 0 check (last_rows_seen >= 0),
    last_rows_written integer     not null default 0 check (last_rows_written >= 0),
    last_error        text,
    -- Transaction dates written since the rollups were last recomputed for this creator; null when clean.
    dirty_from        timestamptz,
    dirty_to          timestamptz,
    constraint stats_earnings_sync_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade,
    check ((dirty_from is null) = (dirty_to is null))
);
create index stats_earnings_sync_dirty_idx on stats_earnings_sync (agency_id) where dirty_from is not null;

-- ---------------------------------------------------------------------------------------------------------
-- Rollups of fanvue_transactions for analytics, recomputed from the rows for the dirty dates after every sync
-- (never incremented: a recompute converges whatever happened before). Sales, refunds and chargebacks apart, so
-- every figure is available both netted and not.
-- ---------------------------------------------------------------------------------------------------------
-- Per creator, UTC day and source: window totals, per-creator comparison, golden ratio, revenue per subscriber.
create table earnings_daily (
    agency_id        uuid    not null,
    model_id         uuid    not null,
    day              date    not null,
    source           text    not null,
    sales_gross      bigint  not null,
    sales_net        bigint  not null,
    sales_count      integer not null,
    refund_gross     bigint  not null,
    refund_net       bigint  not null,
    refund_count     integer not null,
    chargeback_gross bigint  not null,
    chargeback_net   bigint  not null,
    chargeback_count integer not null,
    constraint earnings_daily_pk primary key (agency_id, day, model_id, source),
    constraint earnings_daily_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade
);

-- Per agency, quarter hour (UTC) and source: series and best day/hour in any time zone (every zone's offset is a
-- whole number of quarter hours, so a bucket never straddles a local day or hour).
create table earnings_quarter_hours (
    agency_id        uuid        not null references agencies (id) on delete cascade,
    bucket           timestamptz not null,
    source           text        not null,
    sales_gross      bigint      not null,
    sales_net        bigint      not null,
    sales_count      integer     not null,
    refund_gross     bigint      not null,
    refund_net       bigint      not null,
    refund_count     integer     not null,
    chargeback_gross bigint      not null,
    chargeback_net   bigint      not null,
    chargeback_count integer     not null,
    constraint earnings_quarter_hours_pk primary key (agency_id, bucket, source)
);

-- ---------------------------------------------------------------------------------------------------------
-- Audience: followers per day (Fanvue has no follower series: the heartbeat records the creator's follower figure,
-- as the never-zero writer stored it, once per day and keeps the day's latest).
-- ---------------------------------------------------------------------------------------------------------
create table follower_history (
    agency_id   uuid        not null,
    model_id    uuid        not null,
    date        date        not null,
    followers   integer     not null check (followers >= 0),
    recorded_at timestamptz not null,
    constraint follower_history_pk primary key (model_id, date),
    constraint follower_history_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade
);

-- ---------------------------------------------------------------------------------------------------------
-- Top spenders: Fanvue's ranking with what our synced earnings say about the same fan and window.
-- ---------------------------------------------------------------------------------------------------------
alter table top_spenders
    -- Fanvue's position in its listing (1 = highest).
    add column rank         integer check (rank >= 1),
    -- The fan's synced earnings with the creator in the same window (all_time: since the sync's coverage start).
    add column synced_gross bigint,
    add column synced_net   bigint,
    -- The window's start Fanvue was asked for (null: all time).
    add column window_start timestamptz;
-- Fanvue may omit the message count: null is "not said", never 0.
alter table top_spenders alter column messages_count drop not null, alter column messages_count drop default;

-- ---------------------------------------------------------------------------------------------------------
-- Subscriber history agency-wide by day (the audience API and revenue per subscriber read one agency's days).
-- ---------------------------------------------------------------------------------------------------------
create index subscriber_history_agency_date_idx on subscriber_history (agency_id, date);

-- ---------------------------------------------------------------------------------------------------------
-- Tracking links: a link Fanvue no longer lists keeps its row and figures and gets a mark (after a complete pass).
-- ---------------------------------------------------------------------------------------------------------
alter table tracking_links add column not_listed_since timestamptz;
