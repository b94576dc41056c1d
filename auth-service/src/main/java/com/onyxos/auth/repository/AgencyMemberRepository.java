package com.onyxos.auth.repository;

import com.onyxos.auth.domain.AgencyMember;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Memberships, always within one agency. */
@ApplicationScoped
@WithSession
public class AgencyMemberRepository implements PanacheRepositoryBase<AgencyMember, UUID> {

    public Uni<List<AgencyMember>> listByAgency(UUID agencyId) {
        return list("agencyId", Sort.by("createdAt").and("userSub"), agencyId);
    }

    public Uni<AgencyMember> findByAgencyAndSubject(UUID agencyId, String subject) {
        return find("agencyId = ?1 and userSub = ?2", agencyId, subject).firstResult();
    }

    public Uni<Long> countAdmins(UUID agencyId) {
        return count("agencyId = ?1 and role = 'admin'", agencyId);
    }
}
