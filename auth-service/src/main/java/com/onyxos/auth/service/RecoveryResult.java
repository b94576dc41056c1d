package com.onyxos.auth.service;

import java.time.Instant;

/**
 * What redeeming a recovery code came to.
 *
 * @param redeemed whether the code was valid and unused (and is now used)
 * @param stepUpExpiresAt until when the session counts as stepped up, when redeemed
 * @param recoveryCodesRemaining unused codes left, when redeemed
 */
public record RecoveryResult(boolean redeemed, Instant stepUpExpiresAt, long recoveryCodesRemaining) {

    static RecoveryResult rejected() {
        return new RecoveryResult(false, null, 0);
    }
}
