package com.onyxos.auth.service;

import com.onyxos.auth.domain.Agency;
import com.onyxos.auth.domain.AgencyMember;
import com.onyxos.auth.repository.AgencyMemberRepository;
import com.onyxos.auth.repository.AgencyRepository;
import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.Tenant;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Agencies and their members: who belongs to which agency, with which role. */
@ApplicationScoped
public class AgencyService {

    private final AgencyRepository agencies;
    private final AgencyMemberRepository members;
    private final Clock clock;

    public AgencyService(AgencyRepository agencies, AgencyMemberRepository members, Clock clock) {
        this.agencies = agencies;
        this.members = members;
        this.clock = clock;
    }

    /** Creates an agency; its creator becomes its first admin. */
    @WithTransaction
    public Uni<Agency> create(String subject, String name) {
        Instant now = clock.instant();
        Agency agency = new Agency();
        agency.name = name.strip();
        agency.createdBy = subject;
        agency.createdAt = now;
        agency.updatedAt = now;
        return agencies.persist(agency)
                .call(created -> members.persist(member(created, subject, Tenant.ADMIN, subject, now)));
    }

    /** The agencies {@code subject} belongs to. */
    public Uni<List<AgencyRepository.Membership>> membershipsOf(String subject) {
        return agencies.membershipsOf(subject);
    }

    public Uni<List<AgencyMember>> members(Tenant tenant) {
        return members.listByAgency(tenant.agencyId());
    }

    /** Adds {@code subject} with {@code role}; 409 when already a member. */
    @WithTransaction
    public Uni<AgencyMember> add(Tenant tenant, String subject, String role) {
        return members.findByAgencyAndSubject(tenant.agencyId(), subject).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(
                        409, "member_exists", "Already a member", "This user is already a member of the agency.");
            }
            return members.persist(member(agencyRef(tenant), subject, role, tenant.subject(), clock.instant()));
        });
    }

    /** Changes a member's role; the last admin cannot stop being one. */
    @WithTransaction
    public Uni<AgencyMember> changeRole(Tenant tenant, String subject, String role) {
        return lockAgency(tenant)
                .chain(() -> existing(tenant, subject))
                .call(member -> Tenant.ADMIN.equals(member.role) && !Tenant.ADMIN.equals(role)
                        ? keepAnAdmin(tenant)
                        : Uni.createFrom().voidItem())
                .invoke(member -> {
                    member.role = role;
                    member.updatedAt = clock.instant();
                });
    }

    /** Removes a member; the last admin cannot be removed. */
    @WithTransaction
    public Uni<Void> remove(Tenant tenant, String subject) {
        return lockAgency(tenant)
                .chain(() -> existing(tenant, subject))
                .call(member -> Tenant.ADMIN.equals(member.role)
                        ? keepAnAdmin(tenant)
                        : Uni.createFrom().voidItem())
                .chain(members::delete);
    }

    /**
     * Sets the agency's two-factor policy. Turning it on needs the admin to have a second factor themselves: a
     * policy its own author does not meet would shut them out of the agency.
     *
     * @param callerHasSecondFactor the admin has a verified factor or their provider checked one
     */
    @WithTransaction
    public Uni<Agency> requireMfa(Tenant tenant, boolean required, boolean callerHasSecondFactor) {
        if (required && !callerHasSecondFactor) {
            return Uni.createFrom()
                    .failure(new ProblemException(
                            409,
                            "mfa_not_enrolled",
                            "Enroll first",
                            "Enroll and verify a second factor yourself before requiring one of every member."));
        }
        return agencies.findById(tenant.agencyId()).invoke(agency -> {
            agency.requireMfa = required;
            agency.updatedAt = clock.instant();
        });
    }

    /** Serialises membership changes of one agency, so two admins cannot remove each other at once. */
    private Uni<Void> lockAgency(Tenant tenant) {
        return agencies.findById(tenant.agencyId(), LockModeType.PESSIMISTIC_WRITE)
                .replaceWithVoid();
    }

    private Uni<AgencyMember> existing(Tenant tenant, String subject) {
        return members.findByAgencyAndSubject(tenant.agencyId(), subject)
                .onItem()
                .ifNull()
                .failWith(() -> new ProblemException(
                        404, "member_not_found", "Member not found", "No such member in this agency."));
    }

    private Uni<Void> keepAnAdmin(Tenant tenant) {
        return members.countAdmins(tenant.agencyId())
                .invoke(admins -> {
                    if (admins <= 1) {
                        throw new ProblemException(
                                409,
                                "last_admin",
                                "Last admin",
                                "An agency keeps at least one admin: promote another first.");
                    }
                })
                .replaceWithVoid();
    }

    private static Agency agencyRef(Tenant tenant) {
        Agency agency = new Agency();
        agency.id = tenant.agencyId();
        return agency;
    }

    private static AgencyMember member(Agency agency, String subject, String role, String addedBy, Instant now) {
        AgencyMember member = new AgencyMember();
        member.agencyId = agency.id;
        member.userSub = subject;
        member.role = role;
        member.addedBy = addedBy;
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }
}
