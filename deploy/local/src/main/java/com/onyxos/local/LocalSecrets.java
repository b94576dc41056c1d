package com.onyxos.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Secrets of this machine's stack, generated on first start and kept in {@code dataDir/secrets.properties}:
 * auth-service's AES key for Fanvue tokens at rest, and the Fanvue OAuth client secret the simulator registers.
 *
 * @param cryptoKey base64 of a 32-byte AES key
 * @param fanvueClientSecret the local Fanvue app's client secret
 */
public record LocalSecrets(String cryptoKey, String fanvueClientSecret) {

    static final String FILE = "secrets.properties";

    /** The secrets kept in {@code dataDir}, generating them on first use. */
    public static LocalSecrets open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Properties stored = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
                return new LocalSecrets(stored.getProperty("crypto-key"), stored.getProperty("fanvue-client-secret"));
            }
            // The client secret in hex: Basic client authentication form-encodes it first (RFC 6749 §2.3.1), and
            // base64's '+' and '/' would make that encoding matter.
            LocalSecrets generated = new LocalSecrets(
                    Base64.getEncoder().encodeToString(random(32)),
                    HexFormat.of().formatHex(random(24)));
            Properties out = new Properties();
            out.setProperty("crypto-key", generated.cryptoKey());
            out.setProperty("fanvue-client-secret", generated.fanvueClientSecret());
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(file)) {
                out.store(writer, "Generated on first start of the local stack; --fresh discards them");
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the stack's secrets in " + file, e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return raw;
    }

    @Override
    public String toString() {
        return "LocalSecrets[...]";
    }
}
