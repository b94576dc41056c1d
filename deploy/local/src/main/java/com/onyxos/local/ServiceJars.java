package com.onyxos.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the built Quarkus apps ({@code <module>/target/quarkus-app/quarkus-run.jar}) of a checkout. */
final class ServiceJars {

    private ServiceJars() {}

    /** The jar of each module; when one is missing, a message naming them and the command that builds them. */
    static Map<String, Path> locate(Path root, String first, List<String> more) {
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        modules.add(first);
        modules.addAll(more);
        for (String module : modules) {
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                jars.put(module, jar);
            } else {
                missing.add(module);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built yet: " + String.join(", ", missing)
                    + ". ./run-local builds them (or: ./mvnw -pl deploy/local -am package -DskipTests)");
        }
        return jars;
    }
}
