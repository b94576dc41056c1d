package com.onyxos.common.security;

import io.quarkus.oidc.OIDCException;

/** Tells an identity provider that cannot be reached apart from a token that is simply not valid. */
public final class IdentityProviderFailures {

    private IdentityProviderFailures() {}

    /**
     * Whether the failure, or one of its causes, is quarkus-oidc reporting that it could not reach the provider
     * (discovery or keys): not the caller's fault, and it passes when the provider is back.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OIDCException && isConnectionProblem(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionProblem(Throwable oidc) {
        String message = oidc.getMessage();
        if (message != null && message.contains("not available")) {
            return true; // quarkus-oidc: "OIDC Server is not available"
        }
        for (Throwable t = oidc.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.UnknownHostException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
