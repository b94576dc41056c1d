package com.onyxos.vault.repository;

import com.onyxos.vault.domain.ContentAsset;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Content assets as entities, for the user's edits; always within one agency. */
@ApplicationScoped
@WithSession
public class ContentAssetRepository implements PanacheRepositoryBase<ContentAsset, UUID> {

    /** The agency's asset {@code id}, or null. */
    public Uni<ContentAsset> findInAgency(UUID agencyId, UUID id) {
        return find("id = ?1 and agencyId = ?2", id, agencyId).firstResult();
    }
}
