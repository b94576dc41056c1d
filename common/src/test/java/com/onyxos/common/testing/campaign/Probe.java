package com.onyxos.common.testing.campaign;

/**
 * One request of the campaign.
 *
 * @param operation the operation it goes to
 * @param input what is wrong with it, e.g. {@code body.name: NUL}
 * @param target the request target, path and query, already percent-encoded
 * @param body the body, or null for none
 * @param chunked send the body without {@code Content-Length}
 * @param agencyId the {@code X-Agency-Id} header, or null
 * @param expect what the answer must be beyond the campaign's rules for every answer
 */
public record Probe(
        Operation operation,
        String input,
        String target,
        byte[] body,
        boolean chunked,
        String agencyId,
        Expect expect) {

    /** A rule for one kind of input. */
    public enum Expect {
        /** The campaign's rules only: no 5xx, problem+json on 4xx, nothing leaked, no ERROR, fast. */
        ANY,
        /** And a 4xx: the input must be refused. */
        CLIENT_ERROR,
        /** And exactly 400 {@code malformed_json}. */
        MALFORMED_JSON,
        /** And exactly 413 {@code payload_too_large}. */
        TOO_LARGE
    }

    /** For failure messages: {@code PUT /ops/v1/log-levels/{category} <- body: duplicate key}. */
    public String describe() {
        return operation.name() + " <- " + input;
    }
}
