package com.onyxos.auth.rest;

import java.util.List;

/**
 * Answer of {@code GET /api/user/mfa}.
 *
 * @param factors verified factors and unexpired pending ones, oldest first
 * @param recoveryCodesRemaining unused recovery codes left
 */
public record FactorListResponse(List<FactorView> factors, long recoveryCodesRemaining) {}
