package com.onyxos.common.broker;

/** The broker has no usable Fanvue connection for this creator (none, or it needs a new authorization). */
public class FanvueNotConnectedException extends RuntimeException {

    /** The message the product shows for a creator without a token (the seeds' wording). */
    public static final String MESSAGE = "No Fanvue access token for this model";

    private final String brokerDetail;

    public FanvueNotConnectedException(String brokerDetail) {
        super(MESSAGE, null, false, false);
        this.brokerDetail = brokerDetail;
    }

    /** The broker's own explanation (e.g. that a reauthorization is required), when it gave one. */
    public String brokerDetail() {
        return brokerDetail;
    }
}
