package com.onyxos.stats.rest;

import jakarta.ws.rs.QueryParam;

/** The query parameters of a windowed report: the creator (none: the agency), the window and the time zone. */
public class WindowQuery {

    @QueryParam("creatorId")
    public String creatorId;

    @QueryParam("from")
    public String from;

    @QueryParam("to")
    public String to;

    @QueryParam("timezone")
    public String timezone;
}
