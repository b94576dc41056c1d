package com.onyxos.auth.repository;

import com.onyxos.auth.domain.MfaRecoveryCode;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.reactive.common.AffectedEntities;
import org.hibernate.reactive.mutiny.Mutiny;

/** Hashes of the users' single-use recovery codes. */
@ApplicationScoped
@WithSession
public class MfaRecoveryCodeRepository implements PanacheRepositoryBase<MfaRecoveryCode, UUID> {

    private static final AffectedEntities CODES = new AffectedEntities(MfaRecoveryCode.class);

    // Single use without a read: only the statement that flips used_at from null gets the row back.
    private static final String CONSUME = """
            update mfa_recovery_codes set used_at = :now
             where user_sub = :sub and code_hash = :hash and used_at is null
            returning id
            """;

    /** Replaces every recovery code of the user with these hashes, in one insert. */
    public Uni<Void> replaceAll(String userSub, List<byte[]> hashes, Instant now) {
        String values = IntStream.range(0, hashes.size())
                .mapToObj(i -> "(:sub, :hash" + i + ", :now)")
                .collect(Collectors.joining(", "));
        String insert = "insert into mfa_recovery_codes (user_sub, code_hash, created_at) values " + values;
        return deleteAll(userSub)
                .chain(deleted -> getSession())
                .chain(session -> bindHashes(session.createNativeQuery(insert, CODES), hashes)
                        .setParameter("sub", userSub)
                        .setParameter("now", now)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Marks the user's unused code with this hash as used; false when there is none. */
    public Uni<Boolean> consume(String userSub, byte[] hash, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery(CONSUME, UUID.class, CODES)
                        .setParameter("sub", userSub)
                        .setParameter("hash", hash)
                        .setParameter("now", now)
                        .getSingleResultOrNull())
                .map(id -> id != null);
    }

    public Uni<Long> countUnused(String userSub) {
        return count("userSub = ?1 and usedAt is null", userSub);
    }

    public Uni<Long> deleteAll(String userSub) {
        return delete("userSub", userSub);
    }

    private static <R> Mutiny.Query<R> bindHashes(Mutiny.Query<R> query, List<byte[]> hashes) {
        for (int i = 0; i < hashes.size(); i++) {
            query.setParameter("hash" + i, hashes.get(i));
        }
        return query;
    }
}
