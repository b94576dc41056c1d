-- Token broker (auth-service): refresh ahead in proportion to the lifetime Fanvue gave each access token, and a
-- refresh lease whose holder is known dead at once (its run-lease lock session is gone).

-- When we received the current access token: its lifetime is token_expires_at - token_issued_at.
alter table agency_fanvue_connections add column token_issued_at timestamptz;
update agency_fanvue_connections set token_issued_at = coalesce(last_refreshed_at, created_at)
    where token_expires_at is not null;

-- When the lease holder presented the refresh token to Fanvue and has not stored the answer yet. A holder that
-- seems dead while it is set may still be about to store the rotated pair (its database session was cut, not its
-- process): nobody presents the same refresh token again before the holder is gone for good or its call timed out.
alter table agency_fanvue_connections add column refresh_presented_at timestamptz;
alter table agency_fanvue_connections add constraint agency_fanvue_connections_presented_by_holder
    check (refresh_presented_at is null or refresh_lease_owner is not null);
