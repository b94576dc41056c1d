package com.onyxos.simulator.control;

/**
 * Counters since the last reset. {@code earlyRequests}: requests sent to a bucket before the Retry-After of its last
 * 429 had passed — a well-behaved client keeps it at 0.
 */
public record Stats(long requests, long tooManyRequests, long earlyRequests, long refreshGrants, long revokedGrants) {}
