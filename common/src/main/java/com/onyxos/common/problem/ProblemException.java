package com.onyxos.common.problem;

/** A failure that maps to a specific problem response; services throw it for expected, client-facing errors. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;

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
}
