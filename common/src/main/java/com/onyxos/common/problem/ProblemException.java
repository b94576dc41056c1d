package com.onyxos.common.problem;

/** A failure that maps to a specific problem response; services throw it for expected, client-facing errors. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private Integer retryAfterSeconds;

    /**
     * @param status HTTP status of the response
     * @param code stable machine-readable code
     * @param title short summary of the problem type
     * @param detail message shown to the client: never a secret, token or class name
     */
    public ProblemException(int status, String code, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Answers with {@code Retry-After: seconds} (a 503 or 429 worth repeating soon); returns this problem. */
    public ProblemException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The {@code Retry-After} seconds, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
