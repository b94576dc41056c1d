-- ---------------------------------------------------------------------------------------------------------
-- When a complete Fanvue listing last confirmed a creator's top spenders (per window) or tracking links.
-- The heartbeat writes only the spender and link rows that changed, so their own timestamps say when a figure
-- last changed; this one row per creator and listing says how fresh the whole listing is (a failed or refused
-- answer leaves it as it was, so a stale listing shows). Bookkeeping like stats_earnings_sync: one row a pass.
-- ---------------------------------------------------------------------------------------------------------
create table stats_listings (
    model_id     uuid        not null,
    agency_id    uuid        not null,
    -- topSpenders.all_time, topSpenders.30d or trackingLinks (the heartbeat's step names).
    listing      text        not null check (length(listing) between 1 and 64),
    -- The window's start Fanvue was asked for (top spenders of a recent window; null: all time, links).
    window_start timestamptz,
    listed_at    timestamptz not null,
    primary key (model_id, listing),
    constraint stats_listings_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade
);

-- What the rows said until now: each listing was last written whole at its newest refreshed_at.
insert into stats_listings (model_id, agency_id, listing, window_start, listed_at)
select model_id, agency_id, 'topSpenders.' || period, max(window_start), max(refreshed_at)
from top_spenders group by model_id, agency_id, period;
insert into stats_listings (model_id, agency_id, listing, window_start, listed_at)
select model_id, agency_id, 'trackingLinks', null, max(refreshed_at)
from tracking_links where not_listed_since is null group by model_id, agency_id;
