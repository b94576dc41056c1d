package com.onyxos.simulator.oauth;

import java.util.List;

/** An authorization code: single use, bound to client, redirect URI and the S256 challenge. */
record AuthCode(
        String clientId,
        String redirectUri,
        String userUuid,
        List<String> scopes,
        String codeChallenge,
        long expiresAtMillis) {}
