package com.onyxos.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Views of a set of manifests: pod templates, their containers' environment, ConfigMaps by name. */
final class Workloads {

    private final List<HasMetadata> resources;

    Workloads(List<Manifests.Document> documents) {
        this.resources = documents.stream().map(Manifests.Document::resource).toList();
    }

    /** A pod template and what it belongs to. */
    record Pod(HasMetadata owner, PodTemplateSpec template) {
        String name() {
            return owner.getKind() + "/" + owner.getMetadata().getName();
        }
    }

    /**
     * Where a container's environment variable comes from.
     *
     * @param value a literal or a ConfigMap's value (null for a Secret's)
     * @param secret the Secret and key, for a secret
     */
    record Source(String value, String secret, String secretKey) {}

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Pod> pods() {
        List<Pod> pods = new ArrayList<>();
        all(Deployment.class).forEach(d -> pods.add(new Pod(d, d.getSpec().getTemplate())));
        all(Job.class).forEach(j -> pods.add(new Pod(j, j.getSpec().getTemplate())));
        all(CronJob.class)
                .forEach(c -> pods.add(
                        new Pod(c, c.getSpec().getJobTemplate().getSpec().getTemplate())));
        return pods;
    }

    Optional<ConfigMap> configMap(String name) {
        return all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals(name))
                .findFirst();
    }

    Optional<Deployment> deployment(String name) {
        return all(Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(name))
                .findFirst();
    }

    /** A container's environment as Kubernetes assembles it: envFrom first, then env (which wins). */
    Map<String, Source> environment(Container container) {
        Map<String, Source> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                configMap(from.getConfigMapRef().getName())
                        .ifPresent(map -> map.getData().forEach((k, v) -> env.put(k, new Source(v, null, null))));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                env.put(variable.getName(), new Source(variable.getValue(), null, null));
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                env.put(variable.getName(), new Source(null, ref.getName(), ref.getKey()));
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = variable.getValueFrom().getConfigMapKeyRef();
                String value = configMap(ref.getName())
                        .map(map -> map.getData().get(ref.getKey()))
                        .orElse(null);
                env.put(variable.getName(), new Source(value, null, null));
            }
        }
        return env;
    }

    /** The service whose image a container runs, from the image's repository name. */
    static Optional<String> serviceOf(Container container) {
        String image = container.getImage();
        String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        return ServiceBuild.NAMES.stream()
                .filter(name -> repository.endsWith("/" + name))
                .findFirst();
    }

    /** Whether the container runs the CronJobs' trigger rather than the service. */
    static boolean isTrigger(Container container) {
        return container.getCommand().stream().anyMatch(part -> part.endsWith(".JobTrigger"));
    }
}
