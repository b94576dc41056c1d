package com.onyxos.auth.rest;

import java.time.Instant;

/**
 * Answer of a successful {@code POST /api/user/mfa/recovery}.
 *
 * @param stepUpExpiresAt until when this session counts as stepped up
 * @param recoveryCodesRemaining unused recovery codes left
 */
public record RecoveryResponse(Instant stepUpExpiresAt, long recoveryCodesRemaining) {}
