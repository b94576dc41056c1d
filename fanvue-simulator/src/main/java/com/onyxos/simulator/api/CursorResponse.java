package com.onyxos.simulator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.onyxos.simulator.http.Paged;
import java.util.List;

/** A cursor-style page: {@code {"data":[...],"nextCursor":string|null}}. */
public record CursorResponse<T>(
        List<T> data, String nextCursor, @JsonIgnore String cursorPastEnd) implements Paged {
    @Override
    public Paged forever() {
        return new CursorResponse<>(data, nextCursor != null ? nextCursor : cursorPastEnd, cursorPastEnd);
    }
}
