package com.onyxos.vault.service;

import com.onyxos.vault.repository.CreatorRef;
import com.onyxos.vault.repository.CreatorRows;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code POST /api/vault/roi/calculate}: optionally attributes what Fanvue's messages show (per creator, a creator
 * that cannot be read is reported and the others go on), then recomputes performance from every recorded event.
 */
@ApplicationScoped
public class RoiCalculation {

    private static final int CREATORS_AT_ONCE = 4;

    private final CreatorRows creators;
    private final FanvueRoiAttribution attribution;
    private final RoiService roi;

    public RoiCalculation(CreatorRows creators, FanvueRoiAttribution attribution, RoiService roi) {
        this.creators = creators;
        this.attribution = attribution;
        this.roi = roi;
    }

    /**
     * @param modelId one creator, or null for every active creator of the agency
     * @param fromFanvue read Fanvue's messages first
     */
    public Uni<Result> calculate(UUID agencyId, UUID modelId, boolean fromFanvue) {
        Uni<List<FanvueRoiAttribution.Attribution>> attributed = fromFanvue
                ? scope(agencyId, modelId).chain(list -> Multi.createFrom()
                        .iterable(list)
                        .onItem()
                        .transformToUni(attribution::attribute)
                        .merge(CREATORS_AT_ONCE)
                        .collect()
                        .asList())
                : Uni.createFrom().item(List.of());
        return attributed.chain(results -> roi.recalculate(agencyId, modelId).map(changed -> result(results, changed)));
    }

    private Uni<List<CreatorRef>> scope(UUID agencyId, UUID modelId) {
        return modelId == null
                ? creators.active(agencyId)
                : creators.find(agencyId, modelId).map(creator -> creator == null ? List.of() : List.of(creator));
    }

    private static Result result(List<FanvueRoiAttribution.Attribution> attributed, int changed) {
        List<String> errors = new ArrayList<>();
        attributed.stream()
                .map(FanvueRoiAttribution.Attribution::error)
                .filter(Objects::nonNull)
                .forEach(errors::add);
        int recorded = attributed.stream()
                .mapToInt(FanvueRoiAttribution.Attribution::recorded)
                .sum();
        return new Result(changed, recorded, errors);
    }

    /**
     * @param rowsChanged performance rows inserted or changed
     * @param eventsRecorded new events attributed from Fanvue
     * @param errors creators whose messages could not be read
     */
    public record Result(int rowsChanged, int eventsRecorded, List<String> errors) {}
}
