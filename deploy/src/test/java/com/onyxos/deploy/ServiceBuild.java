package com.onyxos.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One service as its build left it in {@code <service>/target}: the packaged application (its exact runtime class
 * path), the OpenAPI document Quarkus stored, and from those every configuration key the service really reads —
 * Quarkus's runtime properties (the config model each extension ships), the service's own {@code @ConfigMapping}s,
 * and keys referenced as {@code ${...}} in its configuration files and annotations.
 */
final class ServiceBuild {

    static final List<String> NAMES = List.of("auth-service", "vault-sync-service", "stats-service");

    private static final Map<String, ServiceBuild> BUILT = new HashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\"]+)(?::[^}]*)?}");

    final String name;
    final Path target;
    private final Properties config = new Properties();
    private final JsonNode openApi;
    /** Known keys as env-var regexes, each with the phase in which Quarkus reads it. */
    private final Map<Pattern, String> keys = new HashMap<>();

    private ServiceBuild(String name) {
        this.name = name;
        this.target = Path.of("..", name, "target").toAbsolutePath().normalize();
        Path app = target.resolve("quarkus-app");
        if (!Files.isDirectory(app) || !Files.isRegularFile(target.resolve("openapi/openapi.json"))) {
            throw new IllegalStateException(
                    name + " is not built: " + app + " or target/openapi is missing. The manifest"
                            + " tests read the services as packaged: run `./mvnw verify` (or `-pl deploy -am verify`).");
        }
        this.openApi = readJson(target.resolve("openapi/openapi.json"));
        List<Path> jars = jars(app);
        for (Path jar : jars) {
            readJar(jar);
        }
        readOwnMappings(jars);
    }

    static synchronized ServiceBuild of(String name) {
        return BUILT.computeIfAbsent(name, ServiceBuild::new);
    }

    /** The effective value of a key for the prod profile from the service's and common's configuration files. */
    Optional<String> property(String key) {
        return Optional.ofNullable(config.getProperty("%prod." + key, config.getProperty(key)));
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port").orElse("8080"));
    }

    /** The image repository Quarkus's container-image settings give this service. */
    String imageRepository() {
        return property("quarkus.container-image.group").orElseThrow() + "/"
                + property("quarkus.container-image.name")
                        .orElse(property("quarkus.application.name").orElse(name));
    }

    /** Whether the OpenAPI document has {@code method} (lower case) on exactly {@code path}. */
    boolean hasOperation(String method, String path) {
        JsonNode operations = openApi.path("paths").path(path);
        return operations.has(method);
    }

    /** Every path of the OpenAPI document. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        openApi.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /**
     * Whether setting {@code variable} in the environment configures something this service reads at run time;
     * empty if it does, else why not.
     */
    Optional<String> checkVariable(String variable) {
        Set<String> phases = new HashSet<>();
        keys.forEach((pattern, phase) -> {
            if (pattern.matcher(variable).matches()) {
                phases.add(phase);
            }
        });
        if (phases.contains("RUN_TIME")) {
            return Optional.empty();
        }
        if (!phases.isEmpty()) {
            return Optional.of(variable + " sets a property " + name + " fixes at build time " + phases);
        }
        return Optional.of(variable + " is no configuration key of " + name);
    }

    private void readJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry model = file.getJarEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
            if (model != null) {
                try (InputStream in = file.getInputStream(model)) {
                    readConfigModel(JSON.readTree(in));
                }
            }
            for (String resource : List.of("application.properties", "META-INF/microprofile-config.properties")) {
                JarEntry entry = file.getJarEntry(resource);
                if (entry != null && isOurs(jar)) {
                    readProperties(file, entry);
                }
            }
            if (isOurs(jar)) {
                file.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> readExpressions(file, e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readConfigModel(JsonNode model) {
        for (JsonNode root : model.path("configRoots")) {
            collectItems(root.path("items"));
        }
    }

    private void collectItems(JsonNode items) {
        for (JsonNode item : items) {
            if (item.has("items")) {
                collectItems(item.path("items"));
                continue;
            }
            String phase = item.path("phase").asText();
            addKey(item.path("path").path("property").asText(), phase);
            for (JsonNode additional : item.path("additionalPaths")) {
                addKey(additional.path("property").asText(), phase);
            }
        }
    }

    private void readProperties(JarFile file, JarEntry entry) throws IOException {
        Properties own = new Properties();
        try (InputStream in = file.getInputStream(entry)) {
            own.load(in);
        }
        // The service's application.properties wins over common's defaults, as at run time.
        boolean application = entry.getName().equals("application.properties");
        for (String key : own.stringPropertyNames()) {
            if (application || !config.containsKey(key)) {
                config.setProperty(key, own.getProperty(key));
            }
            String plain = key.replaceFirst("^%[^.]+\\.", "");
            // Quarkus's own keys are judged by its config model (which knows build-time ones); ours by their files.
            if (!plain.startsWith("quarkus.")) {
                addKey(plain, "RUN_TIME");
            }
            addExpressions(own.getProperty(key));
        }
    }

    private void readExpressions(JarFile file, JarEntry entry) {
        try (InputStream in = file.getInputStream(entry)) {
            addExpressions(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addExpressions(String text) {
        Matcher matcher = EXPRESSION.matcher(text);
        while (matcher.find()) {
            addKey(matcher.group(1), "RUN_TIME");
        }
    }

    /** Our own {@code @ConfigMapping}s, enumerated by SmallRye Config itself in the service's class loader. */
    private void readOwnMappings(List<Path> jars) {
        URL[] urls = jars.stream().map(ServiceBuild::url).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> annotation = loader.loadClass("io.smallrye.config.ConfigMapping");
            Class<?> mappings = loader.loadClass("io.smallrye.config.ConfigMappings");
            Class<?> configClass = loader.loadClass("io.smallrye.config.ConfigMappings$ConfigClass");
            Method of = configClass.getMethod("configClass", Class.class, String.class);
            Method properties = mappings.getMethod("getProperties", configClass);
            for (String type : mappingTypes(jars)) {
                Class<?> mapping = loader.loadClass(type);
                @SuppressWarnings("unchecked")
                Object declared = mapping.getAnnotation((Class<java.lang.annotation.Annotation>) annotation);
                if (declared == null) {
                    continue;
                }
                String prefix = (String) declared.getClass().getMethod("prefix").invoke(declared);
                Map<?, ?> names = (Map<?, ?>) properties.invoke(null, of.invoke(null, mapping, prefix));
                names.keySet().forEach(key -> addKey((String) key, "RUN_TIME"));
            }
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("Could not read " + name + "'s config mappings", e);
        }
    }

    private static Collection<String> mappingTypes(List<Path> jars) throws IOException {
        List<String> types = new ArrayList<>();
        for (Path jar : jars) {
            if (!isOurs(jar)) {
                continue;
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : file.stream().toList()) {
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = file.getInputStream(entry)) {
                            String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                            if (bytes.contains("Lio/smallrye/config/ConfigMapping;")) {
                                types.add(entry.getName()
                                        .replace('/', '.')
                                        .substring(0, entry.getName().length() - ".class".length()));
                            }
                        }
                    }
                }
            }
        }
        return types;
    }

    /** A key (map keys as {@code *} or a quoted name) as the regex of the environment variables that set it. */
    private void addKey(String key, String phase) {
        if (key.isEmpty()) {
            return;
        }
        StringBuilder regex = new StringBuilder();
        for (String segment : key.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (regex.length() > 0) {
                regex.append('_');
            }
            if (segment.equals("*") || segment.startsWith("\"")) {
                regex.append("_?[A-Z0-9_]+?_?");
            } else {
                regex.append(Pattern.quote(segment.toUpperCase().replaceAll("[^A-Z0-9]", "_")));
            }
        }
        keys.merge(Pattern.compile(regex.toString()), phase, (a, b) -> a.equals("RUN_TIME") ? a : b);
    }

    private static boolean isOurs(Path jar) {
        String file = jar.getFileName().toString();
        return file.startsWith("com.onyxos.")
                || jar.getParent().getFileName().toString().equals("app");
    }

    private static List<Path> jars(Path app) {
        try (Stream<Path> files = Files.walk(app)) {
            return files.filter(file -> file.toString().endsWith(".jar"))
                    .filter(file -> !file.getFileName().toString().equals("quarkus-run.jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
