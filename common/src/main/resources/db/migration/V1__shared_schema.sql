-- OnyxOS shared schema, version 1.
-- One Flyway history for every service. Each table has exactly one writing service (see architecture.md):
--   auth:  agencies, agency_members, agency_fanvue_connections, fanvue_oauth_states, mfa_*
--   stats: models, fanvue_transactions, subscriber_history, top_spenders, tracking_links, stats_anomalies,
--          webhook_events
--   vault: content_assets, vault_performance, asset_events, sync_runs, vault_sync_settings
-- Conventions: uuid keys, money as bigint minor units (USD cents unless a currency column says otherwise),
-- times as timestamptz (UTC), Fanvue enums as open text (they grow), agency_id on every tenant table.
-- Child rows of a creator reference models (id, agency_id) so a row can never cross tenants.

-- ---------------------------------------------------------------------------------------------------------
-- Identity and tenancy (auth)
-- ---------------------------------------------------------------------------------------------------------
create table agencies (
    id         uuid        primary key default gen_random_uuid(),
    name       text        not null check (length(btrim(name)) between 1 and 200),
    created_by text        not null check (length(created_by) between 1 and 255),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table agency_members (
    id         uuid        primary key default gen_random_uuid(),
    agency_id  uuid        not null references agencies (id) on delete cascade,
    -- OIDC subject of the user, as the provider issues it.
    user_sub   text        not null check (length(user_sub) between 1 and 255),
    role       text        not null check (role in ('admin', 'member')),
    added_by   text        not null check (length(added_by) between 1 and 255),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint agency_members_agency_user_uq unique (agency_id, user_sub)
);
create index agency_members_user_sub_idx on agency_members (user_sub);

-- ---------------------------------------------------------------------------------------------------------
-- Creators (stats). "models" keeps the seeds' name so an existing OnyxOS database maps over.
-- ---------------------------------------------------------------------------------------------------------
create table models (
    id                       uuid        primary key default gen_random_uuid(),
    agency_id                uuid        not null references agencies (id) on delete cascade,
    fanvue_user_uuid         uuid        not null,
    handle                   text        not null check (length(handle) between 1 and 255),
    display_name             text,
    avatar_url               text,
    status                   text        not null default 'active'
                                         check (status in ('active', 'paused', 'archived')),
    -- Latest figures; null means never fetched from a successful, well-formed answer.
    revenue_total            bigint,
    revenue_net_total        bigint,
    available_balance        bigint,
    subscribers_count        integer     check (subscribers_count >= 0),
    followers_count          integer     check (followers_count >= 0),
    posts_count              integer     check (posts_count >= 0),
    likes_count              bigint      check (likes_count >= 0),
    image_count              integer     check (image_count >= 0),
    video_count              integer     check (video_count >= 0),
    audio_count              integer     check (audio_count >= 0),
    -- When each figure was last written: a failed or empty answer leaves both value and time untouched.
    revenue_refreshed_at     timestamptz,
    subscribers_refreshed_at timestamptz,
    followers_refreshed_at   timestamptz,
    posts_refreshed_at       timestamptz,
    likes_refreshed_at       timestamptz,
    media_counts_refreshed_at timestamptz,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    constraint models_id_agency_uq unique (id, agency_id)
);
create unique index models_agency_fanvue_user_uq on models (agency_id, fanvue_user_uuid);

-- ---------------------------------------------------------------------------------------------------------
-- Fanvue OAuth connections and MFA (auth)
-- ---------------------------------------------------------------------------------------------------------
create table agency_fanvue_connections (
    id                       uuid        primary key default gen_random_uuid(),
    agency_id                uuid        not null references agencies (id) on delete cascade,
    -- agency: the agency's own Fanvue account (reads every managed creator);
    -- personal: one creator's own account, the fallback for that creator.
    kind                     text        not null check (kind in ('agency', 'personal')),
    fanvue_user_id           uuid        not null,
    fanvue_handle            text,
    scopes                   text[]      not null default '{}',
    -- AES-256-GCM ciphertexts carrying their key id; associated data binds them to (id, column).
    access_token_ciphertext  bytea,
    refresh_token_ciphertext bytea,
    token_expires_at         timestamptz,
    status                   text        not null default 'active'
                                         check (status in ('active', 'refreshing', 'reauth_required', 'revoked')),
    -- Bumped with every stored token pair; a refresher re-reads it after taking the lease.
    version                  bigint      not null default 0 check (version >= 0),
    refresh_lease_owner      text,
    refresh_lease_until      timestamptz,
    last_refreshed_at        timestamptz,
    last_refresh_error       text,
    connected_by             text        not null check (length(connected_by) between 1 and 255),
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    check ((refresh_lease_owner is null) = (refresh_lease_until is null)),
    check (status = 'revoked' or access_token_ciphertext is not null)
);
create index agency_fanvue_connections_status_expiry_idx on agency_fanvue_connections (status, token_expires_at);
-- One live connection per agency account and per creator's personal account.
create unique index agency_fanvue_connections_live_agency_uq
    on agency_fanvue_connections (agency_id) where kind = 'agency' and status <> 'revoked';
create unique index agency_fanvue_connections_live_personal_uq
    on agency_fanvue_connections (agency_id, fanvue_user_id) where kind = 'personal' and status <> 'revoked';

-- PKCE authorization requests: state is single use and short-lived.
create table fanvue_oauth_states (
    id                       uuid        primary key default gen_random_uuid(),
    agency_id                uuid        not null references agencies (id) on delete cascade,
    user_sub                 text        not null check (length(user_sub) between 1 and 255),
    kind                     text        not null check (kind in ('agency', 'personal')),
    -- SHA-256 of the state value; the value itself is only in the user's browser.
    state_hash               bytea       not null unique,
    code_verifier_ciphertext bytea       not null,
    redirect_uri             text        not null,
    scopes                   text[]      not null,
    expires_at               timestamptz not null,
    consumed_at              timestamptz,
    created_at               timestamptz not null default now()
);
create index fanvue_oauth_states_expires_idx on fanvue_oauth_states (expires_at);

-- MFA belongs to a user, not to an agency: one factor protects the user in every agency they belong to.
create table mfa_factors (
    id                uuid        primary key default gen_random_uuid(),
    user_sub          text        not null check (length(user_sub) between 1 and 255),
    factor_type       text        not null default 'totp' check (factor_type in ('totp')),
    friendly_name     text        check (length(friendly_name) <= 100),
    secret_ciphertext bytea       not null,
    status            text        not null default 'unverified' check (status in ('unverified', 'verified')),
    -- Highest TOTP time step accepted; a code of this step or earlier is a replay.
    last_used_step    bigint,
    failed_attempts   integer     not null default 0 check (failed_attempts >= 0),
    locked_until      timestamptz,
    expires_at        timestamptz,
    verified_at       timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (status = 'verified' or expires_at is not null)
);
create index mfa_factors_user_idx on mfa_factors (user_sub);

create table mfa_recovery_codes (
    id         uuid        primary key default gen_random_uuid(),
    user_sub   text        not null check (length(user_sub) between 1 and 255),
    code_hash  bytea       not null,
    used_at    timestamptz,
    created_at timestamptz not null default now(),
    constraint mfa_recovery_codes_user_hash_uq unique (user_sub, code_hash)
);

-- Step-up records: a user verified a second factor in a given session.
create table mfa_steps (
    id          uuid        primary key default gen_random_uuid(),
    user_sub    text        not null check (length(user_sub) between 1 and 255),
    session_id  text        not null check (length(session_id) between 1 and 255),
    factor_id   uuid        references mfa_factors (id) on delete cascade,
    method      text        not null check (method in ('totp', 'recovery_code')),
    verified_at timestamptz not null default now(),
    expires_at  timestamptz not null,
    constraint mfa_steps_user_session_uq unique (user_sub, session_id),
    check (expires_at > verified_at)
);

-- ---------------------------------------------------------------------------------------------------------
-- Stats and money (stats)
-- ---------------------------------------------------------------------------------------------------------
create table fanvue_transactions (
    id                 uuid        primary key default gen_random_uuid(),
    agency_id          uuid        not null,
    model_id           uuid        not null,
    -- Fanvue's transactionOrderId; stable across syncs.
    transaction_order_id text      not null check (length(transaction_order_id) between 1 and 255),
    -- Idempotency key derived by the writer from the order id and what distinguishes rows of one order
    -- (e.g. a refund or chargeback of the same order), so re-syncs update instead of duplicating.
    dedup_key          text        not null check (length(dedup_key) between 1 and 512),
    -- Fanvue earnings "source" (subscription, tip, message, ...): open text, the list grows.
    transaction_type   text        not null check (length(transaction_type) between 1 and 64),
    transaction_status text,
    transaction_date   timestamptz not null,
    gross_amount       bigint      not null,
    net_amount         bigint      not null,
    currency           text        check (currency ~ '^[A-Z]{3}$'),
    fan_id             uuid,
    fan_handle         text,
    message_uuid       uuid,
    post_uuid          uuid,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint fanvue_transactions_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade,
    constraint fanvue_transactions_dedup_uq unique (model_id, dedup_key)
);
create index fanvue_transactions_agency_date_idx on fanvue_transactions (agency_id, transaction_date);
create index fanvue_transactions_model_type_fan_idx on fanvue_transactions (model_id, transaction_type, fan_id);
create index fanvue_transactions_agency_type_date_idx
    on fanvue_transactions (agency_id, transaction_type, transaction_date);

create table subscriber_history (
    id                    uuid        primary key default gen_random_uuid(),
    agency_id             uuid        not null,
    model_id              uuid        not null,
    date                  date        not null,
    total                 integer     not null check (total >= 0),
    new_subscribers       integer     not null default 0 check (new_subscribers >= 0),
    cancelled_subscribers integer     not null default 0 check (cancelled_subscribers >= 0),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    constraint subscriber_history_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade
);
create unique index subscriber_history_model_date_uq on subscriber_history (model_id, date);

create table top_spenders (
    id               uuid        primary key default gen_random_uuid(),
    agency_id        uuid        not null,
    model_id         uuid        not null,
    -- The window the ranking covers, e.g. 'all_time' or '30d'.
    period           text        not null check (length(period) between 1 and 32),
    fan_uuid         uuid        not null,
    fan_handle       text,
    fan_display_name text,
    gross_amount     bigint      not null,
    net_amount       bigint      not null,
    messages_count   integer     not null default 0 check (messages_count >= 0),
    refreshed_at     timestamptz not null default now(),
    constraint top_spenders_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade,
    constraint top_spenders_model_period_fan_uq unique (model_id, period, fan_uuid)
);
create index top_spenders_agency_gross_idx on top_spenders (agency_id, period, gross_amount desc);

create table tracking_links (
    id                       uuid        primary key default gen_random_uuid(),
    agency_id                uuid        not null,
    model_id                 uuid        not null,
    fanvue_link_uuid         uuid        not null,
    name                     text,
    link_url                 text,
    external_social_platform text,
    link_created_at          timestamptz,
    clicks                   bigint      not null default 0 check (clicks >= 0),
    acquired_subscribers     integer     not null default 0 check (acquired_subscribers >= 0),
    acquired_followers       integer     not null default 0 check (acquired_followers >= 0),
    total_subscribers        integer     not null default 0 check (total_subscribers >= 0),
    total_followers          integer     not null default 0 check (total_followers >= 0),
    -- Gross earnings attributed to the link; net beside it.
    total_revenue            bigint      not null default 0,
    total_net_revenue        bigint      not null default 0,
    refreshed_at             timestamptz not null default now(),
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    constraint tracking_links_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade,
    constraint tracking_links_model_link_uq unique (model_id, fanvue_link_uuid)
);
create index tracking_links_agency_revenue_idx on tracking_links (agency_id, total_revenue);

-- A value kept because the answer that would have replaced it was missing, empty, errored or implausible.
create table stats_anomalies (
    id             uuid        primary key default gen_random_uuid(),
    agency_id      uuid        not null references agencies (id) on delete cascade,
    model_id       uuid        references models (id) on delete cascade,
    source         text        not null check (length(source) between 1 and 255),
    field          text        not null check (length(field) between 1 and 100),
    kind           text        not null check (kind in ('missing', 'empty', 'error', 'implausible')),
    stored_value   text,
    received_value text,
    detail         text,
    occurred_at    timestamptz not null default now()
);
create index stats_anomalies_agency_time_idx on stats_anomalies (agency_id, occurred_at desc);

-- Signed Fanvue webhook deliveries, kept before processing so nothing is lost; deliveries are retried by
-- Fanvue, so the key makes a redelivery a no-op. agency_id is resolved from the recipient once known.
create table webhook_events (
    id             uuid        primary key default gen_random_uuid(),
    agency_id      uuid        references agencies (id) on delete cascade,
    model_id       uuid        references models (id) on delete set null,
    delivery_key   text        not null unique check (length(delivery_key) between 1 and 255),
    event_type     text        not null check (length(event_type) between 1 and 64),
    recipient_uuid uuid,
    payload        jsonb       not null,
    status         text        not null default 'received'
                               check (status in ('received', 'processed', 'ignored', 'failed')),
    error          text,
    received_at    timestamptz not null default now(),
    processed_at   timestamptz
);
create index webhook_events_pending_idx on webhook_events (received_at) where status = 'received';

-- ---------------------------------------------------------------------------------------------------------
-- Vault (vault)
-- ---------------------------------------------------------------------------------------------------------
create table content_assets (
    id                uuid        primary key default gen_random_uuid(),
    agency_id         uuid        not null,
    model_id          uuid        not null,
    fanvue_media_uuid uuid        not null,
    -- The folder the asset was first seen in; every folder it is in is in fanvue_folders (and in tags).
    fanvue_folder     text        check (length(fanvue_folder) between 1 and 255),
    fanvue_folders    text[]      not null default '{}',
    file_name         text        not null check (length(file_name) between 1 and 512),
    media_type        text        not null check (length(media_type) between 1 and 32),
    -- Set to 'ppv' on insert; afterwards only the user changes it.
    content_type      text        not null default 'ppv' check (length(content_type) between 1 and 32),
    -- Tags written by sync (folder names + 'fanvue-vault'); user_tags are the user's and survive re-syncs.
    tags              text[]      not null default '{}',
    user_tags         text[]      not null default '{}',
    status            text        not null default 'active' check (status in ('active', 'removed')),
    removed_at        timestamptz,
    -- created_at is Fanvue's createdAt for the media (seed contract); inserted_at is ours.
    created_at        timestamptz not null,
    inserted_at       timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    last_synced_at    timestamptz,
    last_sync_run_id  uuid,
    constraint content_assets_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade,
    constraint content_assets_id_agency_uq unique (id, agency_id),
    check ((status = 'removed') = (removed_at is not null))
);
create unique index content_assets_agency_media_uq on content_assets (agency_id, fanvue_media_uuid);
create index content_assets_folder_idx on content_assets (fanvue_folder);
create index content_assets_model_idx on content_assets (model_id, status);
create index content_assets_tags_idx on content_assets using gin (tags);
create index content_assets_user_tags_idx on content_assets using gin (user_tags);

create table vault_performance (
    asset_id        uuid           primary key,
    agency_id       uuid           not null,
    times_sent      bigint         not null default 0 check (times_sent >= 0),
    times_unlocked  bigint         not null default 0 check (times_unlocked >= 0),
    total_revenue   bigint         not null default 0,
    -- times_unlocked / times_sent, 0 when never sent.
    conversion_rate numeric(9, 6)  not null default 0 check (conversion_rate >= 0),
    calculated_at   timestamptz    not null default now(),
    constraint vault_performance_asset_fk foreign key (asset_id, agency_id)
        references content_assets (id, agency_id) on delete cascade
);
create index vault_performance_agency_revenue_idx on vault_performance (agency_id, total_revenue desc);

create table asset_events (
    id           uuid        primary key default gen_random_uuid(),
    agency_id    uuid        not null,
    asset_id     uuid        not null,
    event_type   text        not null check (event_type in ('sent', 'unlocked')),
    -- dashboard: reported by our send flow; fanvue: attributed from Fanvue messages.
    source       text        not null check (source in ('dashboard', 'fanvue')),
    message_uuid text        not null check (length(message_uuid) between 1 and 255),
    revenue      bigint      not null default 0 check (revenue >= 0),
    occurred_at  timestamptz not null,
    created_at   timestamptz not null default now(),
    constraint asset_events_asset_fk foreign key (asset_id, agency_id)
        references content_assets (id, agency_id) on delete cascade,
    constraint asset_events_idempotency_uq unique (asset_id, message_uuid, event_type)
);
create index asset_events_agency_time_idx on asset_events (agency_id, occurred_at);

create table sync_runs (
    id               uuid        primary key default gen_random_uuid(),
    agency_id        uuid        not null,
    model_id         uuid        not null,
    trigger          text        not null check (trigger in ('manual', 'schedule', 'job')),
    status           text        not null default 'running'
                                 check (status in ('running', 'succeeded', 'partial', 'failed')),
    requested_by     text,
    -- Selective sync: folder names and media types, null meaning all.
    folders          text[],
    media_types      text[],
    -- Which process runs it, and its last sign of life: a silent run is closed as failed.
    owner            text,
    heartbeat_at     timestamptz not null default now(),
    folders_total    integer     not null default 0 check (folders_total >= 0),
    folders_done     integer     not null default 0 check (folders_done >= 0),
    assets_seen      integer     not null default 0 check (assets_seen >= 0),
    inserted_count   integer     not null default 0 check (inserted_count >= 0),
    updated_count    integer     not null default 0 check (updated_count >= 0),
    unchanged_count  integer     not null default 0 check (unchanged_count >= 0),
    removed_count    integer     not null default 0 check (removed_count >= 0),
    errors           text[]      not null default '{}',
    message          text,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    constraint sync_runs_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade,
    check ((status = 'running') = (finished_at is null))
);
-- One running sync per creator, cluster-wide.
create unique index sync_runs_one_running_per_model_uq on sync_runs (model_id) where status = 'running';
create index sync_runs_agency_started_idx on sync_runs (agency_id, started_at desc);

create table vault_sync_settings (
    agency_id        uuid        primary key references agencies (id) on delete cascade,
    -- Default selective sync for the agency; null means everything.
    folders          text[],
    media_types      text[],
    schedule_enabled boolean     not null default true,
    updated_by       text        not null check (length(updated_by) between 1 and 255),
    updated_at       timestamptz not null default now()
);
