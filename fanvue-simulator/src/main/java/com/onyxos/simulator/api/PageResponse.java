package com.onyxos.simulator.api;

import com.onyxos.simulator.http.Paged;
import java.util.List;

/** A page-style page: {@code {"data":[...],"pagination":{page,size,hasMore}}}. */
public record PageResponse<T>(List<T> data, Pagination pagination) implements Paged {
    @Override
    public Paged forever() {
        return new PageResponse<>(data, new Pagination(pagination.page(), pagination.size(), true));
    }
}
