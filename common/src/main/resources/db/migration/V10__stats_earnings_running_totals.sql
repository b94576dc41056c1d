-- Stats analytics at millions of transactions (stats-service): running totals on the earnings rollups, so the sum
-- over any window is C(end) - C(start), whatever the window's length: per creator and UTC day with all of the
-- creator's sources in one row (earnings_creator_days), per source and quarter hour (earnings_quarter_hours), and per
-- agency and hour with all sources in one row (earnings_hour_totals); and the hour's sums (earnings_hours). All
-- recomputed from the rows (never incremented) by the recompute that fills earnings_daily and earnings_quarter_hours
-- (stats-service EarningsRollups), for the dirty dates and the running totals after them.

-- ---------------------------------------------------------------------------------------------------------
-- earnings_creator_days: per creator and UTC day with rows, every source's running totals (from earnings_daily)
-- up to the day's end as arrays aligned to `sources` (the creator's sources), so a window's totals per creator are
-- two probes per creator.
create table earnings_creator_days (
    agency_id            uuid     not null,
    model_id             uuid     not null,
    day                  date     not null,
    sources              text[]   not null,
    run_sales_gross      bigint[] not null,
    run_sales_net        bigint[] not null,
    run_sales_count      bigint[] not null,
    run_refund_gross     bigint[] not null,
    run_refund_net       bigint[] not null,
    run_refund_count     bigint[] not null,
    run_chargeback_gross bigint[] not null,
    run_chargeback_net   bigint[] not null,
    run_chargeback_count bigint[] not null,
    constraint earnings_creator_days_pk primary key (agency_id, model_id, day),
    constraint earnings_creator_days_model_fk foreign key (model_id, agency_id)
        references models (id, agency_id) on delete cascade
);

-- ---------------------------------------------------------------------------------------------------------
-- earnings_quarter_hours: per (agency, source) the running totals over its quarter hours up to and including this.
-- ---------------------------------------------------------------------------------------------------------
alter table earnings_quarter_hours
    add column run_sales_gross      bigint not null default 0,
    add column run_sales_net        bigint not null default 0,
    add column run_sales_count      bigint not null default 0,
    add column run_refund_gross     bigint not null default 0,
    add column run_refund_net       bigint not null default 0,
    add column run_refund_count     bigint not null default 0,
    add column run_chargeback_gross bigint not null default 0,
    add column run_chargeback_net   bigint not null default 0,
    add column run_chargeback_count bigint not null default 0;
create index earnings_quarter_hours_series_idx on earnings_quarter_hours (agency_id, source, bucket);

-- ---------------------------------------------------------------------------------------------------------
-- earnings_hours: per agency and UTC hour, all sources together (8,760 rows a year however many creators and
-- sources): the best weekday and hour in zones whose offsets are whole hours, local times computed from the offsets
-- Java gives. Narrow on purpose: the query reads every hour of the window.
-- ---------------------------------------------------------------------------------------------------------
create table earnings_hours (
    agency_id        uuid        not null references agencies (id) on delete cascade,
    bucket           timestamptz not null,
    sales_gross      bigint      not null,
    sales_net        bigint      not null,
    sales_count      integer     not null,
    refund_gross     bigint      not null,
    refund_net       bigint      not null,
    refund_count     integer     not null,
    chargeback_gross bigint      not null,
    chargeback_net   bigint      not null,
    chargeback_count integer     not null,
    constraint earnings_hours_pk primary key (agency_id, bucket)
);

-- earnings_hour_totals: per agency and UTC hour with rows, every source's running totals up to the hour's end as
-- arrays aligned to `sources` (the agency's sources with rows by then), so a series of N local days in a zone whose
-- midnights are on the hour is N + 1 probes.
create table earnings_hour_totals (
    agency_id            uuid        not null references agencies (id) on delete cascade,
    bucket               timestamptz not null,
    sources              text[]      not null,
    run_sales_gross      bigint[]    not null,
    run_sales_net        bigint[]    not null,
    run_sales_count      bigint[]    not null,
    run_refund_gross     bigint[]    not null,
    run_refund_net       bigint[]    not null,
    run_refund_count     bigint[]    not null,
    run_chargeback_gross bigint[]    not null,
    run_chargeback_net   bigint[]    not null,
    run_chargeback_count bigint[]    not null,
    constraint earnings_hour_totals_pk primary key (agency_id, bucket)
);

-- Existing rollups get their running totals and hours now; afterwards the recompute keeps them.
insert into earnings_hours (agency_id, bucket, sales_gross, sales_net, sales_count, refund_gross, refund_net,
                            refund_count, chargeback_gross, chargeback_net, chargeback_count)
select agency_id, date_bin('1 hour', bucket, timestamptz 'epoch'), sum(sales_gross), sum(sales_net),
       sum(sales_count), sum(refund_gross), sum(refund_net), sum(refund_count), sum(chargeback_gross),
       sum(chargeback_net), sum(chargeback_count)
from earnings_quarter_hours group by 1, 2;

update earnings_quarter_hours q set run_sales_gross = r.sg, run_sales_net = r.sn, run_sales_count = r.sc,
    run_refund_gross = r.rg, run_refund_net = r.rn, run_refund_count = r.rc, run_chargeback_gross = r.cg,
    run_chargeback_net = r.cn, run_chargeback_count = r.cc
from (select agency_id, source, bucket, sum(sales_gross) over w as sg, sum(sales_net) over w as sn,
             sum(sales_count) over w as sc, sum(refund_gross) over w as rg, sum(refund_net) over w as rn,
             sum(refund_count) over w as rc, sum(chargeback_gross) over w as cg, sum(chargeback_net) over w as cn,
             sum(chargeback_count) over w as cc
      from earnings_quarter_hours window w as (partition by agency_id, source order by bucket)) r
where q.agency_id = r.agency_id and q.source = r.source and q.bucket = r.bucket;

insert into earnings_hour_totals (agency_id, bucket, sources, run_sales_gross, run_sales_net, run_sales_count,
                                  run_refund_gross, run_refund_net, run_refund_count, run_chargeback_gross,
                                  run_chargeback_net, run_chargeback_count)
select hb.agency_id, hb.bucket, array_agg(c.source order by c.source), array_agg(c.run_sales_gross order by c.source),
       array_agg(c.run_sales_net order by c.source), array_agg(c.run_sales_count order by c.source),
       array_agg(c.run_refund_gross order by c.source), array_agg(c.run_refund_net order by c.source),
       array_agg(c.run_refund_count order by c.source), array_agg(c.run_chargeback_gross order by c.source),
       array_agg(c.run_chargeback_net order by c.source), array_agg(c.run_chargeback_count order by c.source)
from earnings_hours hb
join (select distinct agency_id, source from earnings_quarter_hours) k on k.agency_id = hb.agency_id
cross join lateral (select q.source, q.run_sales_gross, q.run_sales_net, q.run_sales_count, q.run_refund_gross,
                           q.run_refund_net, q.run_refund_count, q.run_chargeback_gross, q.run_chargeback_net,
                           q.run_chargeback_count
                    from earnings_quarter_hours q
                    where q.agency_id = hb.agency_id and q.source = k.source
                      and q.bucket < hb.bucket + interval '1 hour'
                    order by q.bucket desc limit 1) c
group by hb.agency_id, hb.bucket;

-- Every day of a creator with rows gets every source the creator has: running sums over that grid (a source without
-- rows on a day adds 0) carry each source's total forward to the days it has no rows.
insert into earnings_creator_days (agency_id, model_id, day, sources, run_sales_gross, run_sales_net, run_sales_count,
                                   run_refund_gross, run_refund_net, run_refund_count, run_chargeback_gross,
                                   run_chargeback_net, run_chargeback_count)
select g.agency_id, g.model_id, g.day, array_agg(g.source order by g.source), array_agg(g.sg order by g.source),
       array_agg(g.sn order by g.source), array_agg(g.sc order by g.source), array_agg(g.rg order by g.source),
       array_agg(g.rn order by g.source), array_agg(g.rc order by g.source), array_agg(g.cg order by g.source),
       array_agg(g.cn order by g.source), array_agg(g.cc order by g.source)
from (select k.agency_id, k.model_id, k.day, k.source, sum(coalesce(e.sales_gross, 0)) over w as sg,
             sum(coalesce(e.sales_net, 0)) over w as sn, sum(coalesce(e.sales_count, 0)) over w as sc,
             sum(coalesce(e.refund_gross, 0)) over w as rg, sum(coalesce(e.refund_net, 0)) over w as rn,
             sum(coalesce(e.refund_count, 0)) over w as rc, sum(coalesce(e.chargeback_gross, 0)) over w as cg,
             sum(coalesce(e.chargeback_net, 0)) over w as cn, sum(coalesce(e.chargeback_count, 0)) over w as cc
      from (select d.agency_id, d.model_id, d.day, s.source
            from (select distinct agency_id, model_id, day from earnings_daily) d
            join (select distinct agency_id, model_id, source from earnings_daily) s
                on s.agency_id = d.agency_id and s.model_id = d.model_id) k
      left join earnings_daily e
          on e.agency_id = k.agency_id and e.day = k.day and e.model_id = k.model_id and e.source = k.source
      window w as (partition by k.agency_id, k.model_id, k.source order by k.day)) g
group by g.agency_id, g.model_id, g.day;
