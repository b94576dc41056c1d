-- Earnings ingest (stats-service): the tenant check of fanvue_transactions in one pass over the statement's rows.
--
-- V9's check read the transition table twice and probed models once per row (2,000 index scans for a batch of
-- 2,000 rows of one creator). This one folds the rows to their distinct (creator, agency) pairs first (a batch has
-- one), locks the matching creators FOR KEY SHARE and compares the counts. Same guarantee as V9: every row's
-- (model_id, agency_id) is a creator of that agency (else 23503 like a foreign key), the creators stay locked until
-- commit (a concurrent delete waits), and deleting a creator still deletes its rows (V9's models trigger).
create or replace function fanvue_transactions_tenant_check() returns trigger language plpgsql as $$
declare
    wanted integer;
    held   integer;
begin
    with pairs as materialized (select distinct t.model_id, t.agency_id from checked_rows t),
         locked as (select m.id from models m join pairs p on m.id = p.model_id and m.agency_id = p.agency_id
                    for key share of m)
    select (select count(*) from pairs), (select count(*) from locked) into wanted, held;
    if held <> wanted then
        raise exception 'fanvue_transactions rows must belong to a creator of their agency'
            using errcode = 'foreign_key_violation', constraint = 'fanvue_transactions_model_fk';
    end if;
    return null;
end $$;
