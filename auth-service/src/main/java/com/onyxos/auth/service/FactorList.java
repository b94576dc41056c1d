package com.onyxos.auth.service;

import com.onyxos.auth.domain.MfaFactor;
import java.util.List;

/**
 * A user's live factors and how many unused recovery codes they have left.
 *
 * @param factors verified factors and pending ones not yet expired, oldest first
 * @param recoveryCodesRemaining unused recovery codes
 */
public record FactorList(List<MfaFactor> factors, long recoveryCodesRemaining) {}
