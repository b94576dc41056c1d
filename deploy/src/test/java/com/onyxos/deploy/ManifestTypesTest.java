package com.onyxos.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every manifest parses into a Kubernetes type with no field that type does not know (a misspelt or misplaced key
 * would otherwise be dropped silently by the API server), every kustomization names files that exist, and kustomize
 * builds the base and the production overlay when its binary is installed.
 */
class ManifestTypesTest {

    @Test
    void everyCommittedManifestIsAKnownKubernetesTypeWithOnlyKnownFields() {
        List<Path> files = Manifests.resourceFiles();
        assertThat(files).hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<Manifests.Document> documents = Manifests.parse(file.toString(), Manifests.read(file));
            if (documents.isEmpty()) {
                problems.add(file + " holds no manifest");
            }
            documents.forEach(document -> problems.addAll(typeProblems(document)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKustomizationNamesFilesThatExist() {
        List<String> problems = new ArrayList<>();
        for (Path kustomization : Manifests.kustomizations()) {
            JsonNode tree = Manifests.tree(kustomization);
            List<String> referenced = new ArrayList<>();
            tree.path("resources").forEach(resource -> referenced.add(resource.asText()));
            tree.path("patches").forEach(patch -> {
                if (patch.has("path")) {
                    referenced.add(patch.path("path").asText());
                }
            });
            for (String reference : referenced) {
                if (!Files.exists(kustomization.getParent().resolve(reference))) {
                    problems.add(kustomization + " names " + reference + ", which does not exist");
                }
            }
        }
        // Every resource file is part of some kustomization (none lies around unused).
        for (Path file : Manifests.resourceFiles()) {
            boolean listed = Manifests.kustomizations().stream().anyMatch(k -> mentions(k, file));
            if (!listed) {
                problems.add(file + " is in no kustomization");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void kustomizeBuildsTheBaseAndTheProductionOverlay() {
        Optional<List<String>> kustomize = Manifests.kustomizeCommand();
        assumeTrue(
                kustomize.isPresent(),
                "Neither kustomize nor kubectl is on the PATH: the kustomize build is not checked here (the base is"
                        + " checked as committed)");
        for (Path directory : List.of(Manifests.BASE, Manifests.PRODUCTION)) {
            List<Manifests.Document> built = Manifests.build(kustomize.get(), directory);
            assertThat(built).as(directory.toString()).hasSizeGreaterThan(15);
            List<String> problems = new ArrayList<>();
            built.forEach(document -> problems.addAll(typeProblems(document)));
            assertThat(problems).isEmpty();
        }
        List<Manifests.Document> production = Manifests.build(kustomize.get(), Manifests.PRODUCTION);
        assertThat(production)
                .filteredOn(d -> !d.resource().getKind().equals("Namespace"))
                .allSatisfy(d -> assertThat(d.resource().getMetadata().getNamespace())
                        .as(d.kindAndName())
                        .isEqualTo("onyxos"));
    }

    private static boolean mentions(Path kustomization, Path file) {
        JsonNode tree = Manifests.tree(kustomization);
        List<String> names = new ArrayList<>();
        tree.path("resources").forEach(r -> names.add(r.asText()));
        tree.path("patches").forEach(p -> names.add(p.path("path").asText()));
        return names.stream()
                .map(name -> kustomization.getParent().resolve(name).normalize())
                .anyMatch(path -> path.equals(file.normalize()));
    }

    private static List<String> typeProblems(Manifests.Document document) {
        List<String> problems = new ArrayList<>();
        if (document.typed() instanceof GenericKubernetesResource || document.typed() == null) {
            problems.add(document.source() + " is no Kubernetes type this model knows: "
                    + document.tree().path("apiVersion").asText() + " "
                    + document.tree().path("kind").asText());
            return problems;
        }
        if (document.resource().getMetadata() == null
                || document.resource().getMetadata().getName() == null) {
            problems.add(document.source() + " has no metadata.name");
        }
        unknownFields(
                document.typed(),
                document.source() + " " + document.tree().path("kind").asText(),
                problems,
                new IdentityHashMap<>());
        return problems;
    }

    /** Walks a model object: any field its type did not know lands in additionalProperties. */
    private static void unknownFields(Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, problems, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + extra.keySet());
                    }
                    continue;
                }
                unknownFields(value, path + "." + getter.getName().substring(3), problems, seen);
            } catch (ReflectiveOperationException e) {
                problems.add(path + ": could not read " + getter.getName());
            }
        }
    }
}
