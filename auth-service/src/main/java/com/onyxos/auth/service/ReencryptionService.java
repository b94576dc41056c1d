package com.onyxos.auth.service;

import com.onyxos.auth.crypto.SecretCipher;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.auth.repository.StoredConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Re-encrypts stored Fanvue tokens sealed with a key that is no longer primary, in batches, so a retired key can
 * leave the key ring. A row that changes meanwhile (a refresh) is skipped: it was just sealed with the primary key.
 */
@ApplicationScoped
public class ReencryptionService {

    private static final int BATCH = 100;
    private static final UUID FIRST = new UUID(0, 0);

    private final FanvueConnectionRepository connections;
    private final ConnectionSecrets secrets;

    public ReencryptionService(FanvueConnectionRepository connections, ConnectionSecrets secrets) {
        this.connections = connections;
        this.secrets = secrets;
    }

    /** Walks every connection holding tokens; returns what it did. */
    public Uni<Result> reencryptAll() {
        return Multi.createBy()
                .repeating()
                .uni(() -> new UUID[] {FIRST}, after -> batch(after))
                .whilst(batch -> batch.examined() == BATCH)
                .collect()
                .with(Collectors.reducing(new Result(0, 0, 0), Result::plus));
    }

    private Uni<Result> batch(UUID[] after) {
        return connections.withCiphertextsAfter(after[0], BATCH).chain(rows -> {
            if (!rows.isEmpty()) {
                after[0] = rows.get(rows.size() - 1).id();
            }
            return Multi.createFrom()
                    .iterable(rows)
                    .onItem()
                    .transformToUniAndConcatenate(this::reencrypt)
                    .collect()
                    .with(Collectors.reducing(new Result(0, 0, 0), Result::plus))
                    .map(result -> new Result(rows.size(), result.reencrypted(), result.skipped()));
        });
    }

    private Uni<Result> reencrypt(StoredConnection connection) {
        SecretCipher.Opened access = secrets.openAccess(connection);
        SecretCipher.Opened refresh = secrets.openRefresh(connection);
        if (!access.staleKey() && (refresh == null || !refresh.staleKey())) {
            return Uni.createFrom().item(new Result(1, 0, 0));
        }
        byte[] newAccess = secrets.sealAccess(connection.id(), access.plaintext());
        byte[] newRefresh = refresh == null ? null : secrets.sealRefresh(connection.id(), refresh.plaintext());
        return connections
                .replaceCiphertexts(connection.id(), connection.version(), newAccess, newRefresh)
                .map(stored -> stored ? new Result(1, 1, 0) : new Result(1, 0, 1));
    }

    /**
     * @param examined rows looked at
     * @param reencrypted rows moved to the primary key
     * @param skipped rows that changed while being re-encrypted (already on the primary key)
     */
    public record Result(int examined, int reencrypted, int skipped) {
        Result plus(Result other) {
            return new Result(examined + other.examined, reencrypted + other.reencrypted, skipped + other.skipped);
        }
    }
}
