package com.onyxos.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The manifests under deploy/k8s: as committed, and as kustomize builds them when the binary is there. */
final class Manifests {

    static final Path ROOT = Path.of("k8s");
    static final Path BASE = ROOT.resolve("base");
    static final Path PRODUCTION = ROOT.resolve("overlays/production");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private Manifests() {}

    /** One YAML document: where it came from, its tree, and the Kubernetes type it parses into. */
    record Document(String source, JsonNode tree, KubernetesResource typed) {
        HasMetadata resource() {
            return (HasMetadata) typed;
        }

        String kindAndName() {
            return resource().getKind() + "/" + resource().getMetadata().getName();
        }
    }

    /** Every committed YAML file that is not a kustomization. */
    static List<Path> resourceFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every kustomization file. */
    static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base as committed (complete on its own: every cross-reference check runs on it). */
    static List<Document> base() {
        List<Document> documents = new ArrayList<>();
        for (Path file : resourceFiles()) {
            if (file.startsWith(BASE)) {
                documents.addAll(parse(file.toString(), read(file)));
            }
        }
        return documents;
    }

    /** Parses a stream of YAML documents into Kubernetes types (unknown kinds stay generic, to be reported). */
    static List<Document> parse(String source, String yaml) {
        List<Document> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> trees = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int index = 0;
            while (trees.hasNext()) {
                JsonNode tree = trees.next();
                if (tree == null || tree.isNull() || tree.isEmpty()) {
                    continue;
                }
                KubernetesResource typed =
                        KUBERNETES.unmarshal(JSON.writeValueAsString(tree), KubernetesResource.class);
                documents.add(new Document(source + "#" + index++, tree, typed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable YAML in " + source, e);
        }
        return documents;
    }

    /** Reads one YAML file as a tree (kustomizations). */
    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kubectl kustomize} or {@code kustomize build}, whichever is on the PATH; empty when neither is. */
    static Optional<List<String>> kustomizeCommand() {
        for (List<String> candidate : List.of(List.of("kustomize", "build"), List.of("kubectl", "kustomize"))) {
            if (onPath(candidate.get(0))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** What kustomize builds from {@code directory}. */
    static List<Document> build(List<String> command, Path directory) {
        List<String> full = new ArrayList<>(command);
        full.add(directory.toString());
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", full) + " failed:\n" + output);
            }
            return parse("kustomize:" + directory, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String binary) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
