package com.onyxos.auth.rest;

import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the caller of an MFA request from the bearer token and refuses subjects the schema cannot store. */
final class Callers {

    private static final int MAX_SUBJECT_LENGTH = 255;

    private Callers() {}

    /** The caller; 403 when the token's subject is missing or longer than 255 characters. */
    static Caller of(JsonWebToken token) {
        Caller caller = Caller.of(token);
        String subject = caller.subject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new ProblemException(
                    403, "forbidden", "Forbidden", "This token's subject cannot have second factors.");
        }
        return caller;
    }

    /** The account name shown by authenticator apps: email, else preferred username, else subject. */
    static String accountName(JsonWebToken token) {
        for (String claim : new String[] {"email", "preferred_username"}) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().replace("\"", "");
            }
        }
        return token.getSubject();
    }
}
