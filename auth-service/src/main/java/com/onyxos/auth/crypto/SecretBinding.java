package com.onyxos.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where a ciphertext lives: table, column and row. It is the associated data of the encryption, so a ciphertext
 * moved to another row or column fails to decrypt.
 */
public record SecretBinding(String table, String column, UUID rowId) {

    byte[] associatedData() {
        return ("onyx/v1/" + table + "/" + column + "/" + rowId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return table + "." + column + " of " + rowId;
    }
}
