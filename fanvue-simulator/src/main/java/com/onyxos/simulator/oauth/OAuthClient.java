package com.onyxos.simulator.oauth;

import java.util.List;

/** A registered OAuth application: HTTP Basic credentials and the exact redirect URIs it may use. */
public record OAuthClient(String clientId, String clientSecret, List<String> redirectUris) {
    public OAuthClient {
        redirectUris = List.copyOf(redirectUris);
    }
}
