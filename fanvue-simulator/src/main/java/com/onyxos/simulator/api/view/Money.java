package com.onyxos.simulator.api.view;

/** Gross and net in USD cents. */
public record Money(long gross, long net) {
    public static final Money ZERO = new Money(0, 0);

    public Money plus(long moreGross, long moreNet) {
        return new Money(gross + moreGross, net + moreNet);
    }
}
