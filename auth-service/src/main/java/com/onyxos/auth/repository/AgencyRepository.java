package com.onyxos.auth.repository;

import com.onyxos.auth.domain.Agency;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Agencies. */
@ApplicationScoped
@WithSession
public class AgencyRepository implements PanacheRepositoryBase<Agency, UUID> {

    /** The agencies {@code subject} belongs to, with their role, by name. */
    public Uni<List<Membership>> membershipsOf(String subject) {
        return getSession().chain(session -> session.createQuery(
                        "select new com.onyxos.auth.repository.AgencyRepository$Membership(a.id, a.name, m.role,"
                                + " a.requireMfa)"
                                + " from Agency a, AgencyMember m where m.agencyId = a.id and m.userSub = :sub"
                                + " order by a.name, a.id",
                        Membership.class)
                .setParameter("sub", subject)
                .getResultList());
    }

    /**
     * One agency the caller belongs to.
     *
     * @param id the agency
     * @param name its name
     * @param role the caller's role there
     * @param requireMfa the agency requires every member to have a second factor
     */
    public record Membership(UUID id, String name, String role, boolean requireMfa) {}
}
