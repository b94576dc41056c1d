package com.onyxos.vault.service;

/**
 * Who asked for a sync, how, and of what.
 *
 * @param trigger {@code manual}, {@code schedule} or {@code job}
 * @param requestedBy the user's subject, or the job's name
 * @param filter selective sync (folders, media types)
 */
public record SyncRequest(String trigger, String requestedBy, SyncFilter filter) {}
