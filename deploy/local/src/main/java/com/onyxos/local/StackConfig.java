package com.onyxos.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the launcher starts and where: the repository it runs from, the data folder it keeps between starts, the
 * ports and the settings of {@code local-stack.properties} with the command line's overrides.
 *
 * @param root the repository checkout (the services' built {@code target/quarkus-app} folders are found there)
 * @param dataDir where PostgreSQL's data, the issuer's key, the secrets, logs and the demo's state are kept
 * @param settings {@code local-stack.properties} with overrides applied
 * @param fresh wipe {@code dataDir} before starting
 * @param demo prepare the demo agency on first start
 */
public record StackConfig(Path root, Path dataDir, Map<String, String> settings, boolean fresh, boolean demo) {

    public StackConfig {
        settings = Map.copyOf(settings);
    }

    /** The defaults for a checkout at {@code root}, data kept in {@code root/.local}. */
    public static StackConfig defaults(Path root) {
        Properties properties = new Properties();
        try (InputStream in = StackConfig.class.getResourceAsStream("/local-stack.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return new StackConfig(root.toAbsolutePath().normalize(), root.resolve(".local"), settings, false, true);
    }

    /** A copy with {@code key} set. */
    public StackConfig with(String key, String value) {
        Map<String, String> changed = new TreeMap<>(settings);
        changed.put(key, value);
        return new StackConfig(root, dataDir, changed, fresh, demo);
    }

    public StackConfig withPorts(Ports ports) {
        return with("port.console", Integer.toString(ports.console()))
                .with("port.auth", Integer.toString(ports.auth()))
                .with("port.vault", Integer.toString(ports.vault()))
                .with("port.stats", Integer.toString(ports.stats()))
                .with("port.simulator", Integer.toString(ports.simulator()))
                .with("port.postgres", Integer.toString(ports.postgres()));
    }

    public StackConfig withDataDir(Path dir) {
        return new StackConfig(root, dir.toAbsolutePath().normalize(), settings, fresh, demo);
    }

    public StackConfig withFresh(boolean wipe) {
        return new StackConfig(root, dataDir, settings, wipe, demo);
    }

    public StackConfig withDemo(boolean prepare) {
        return new StackConfig(root, dataDir, settings, fresh, prepare);
    }

    public Ports ports() {
        return new Ports(
                port("console"), port("auth"), port("vault"), port("stats"), port("simulator"), port("postgres"));
    }

    /** The setting {@code key}; a missing one is a bug in {@code local-stack.properties} or an override. */
    public String get(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("No setting " + key + " in local-stack.properties");
        }
        return value;
    }

    /** Every setting under {@code prefix} (with the prefix kept). */
    public Map<String, String> under(String prefix) {
        Map<String, String> found = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                found.put(key, value);
            }
        });
        return found;
    }

    public List<String> jvmOptions() {
        return Arrays.stream(get("jvm.options").trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    /** The services not to start ({@code --without}). */
    public java.util.Set<String> without() {
        return Arrays.stream(get("without").split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Duration readyTimeout() {
        return Duration.ofSeconds(Long.parseLong(get("ready.timeout-seconds")));
    }

    /** Where the browser reaches the console (and the redirect URI Fanvue sends the user back to). */
    public String consoleUrl() {
        return "http://localhost:" + ports().console();
    }

    /** The local OIDC issuer: the {@code iss} of its tokens and where services find its keys. */
    public String issuerUrl() {
        return "http://127.0.0.1:" + ports().console() + "/issuer";
    }

    /** The Fanvue redirect URI: the console's page that hands {@code code} and {@code state} to auth-service. */
    public String fanvueRedirectUri() {
        return consoleUrl() + "/callback.html";
    }

    public String serviceUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    private int port(String name) {
        String value = get("port." + name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port." + name + " must be a number, not " + value);
        }
    }
}
