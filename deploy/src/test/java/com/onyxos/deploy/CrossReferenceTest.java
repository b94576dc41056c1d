package com.onyxos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.jobs.JobTrigger;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cross-reference of the manifests holds against the services as built: ports and probe paths against their
 * configuration and OpenAPI documents, every environment variable against a configuration key the service reads at
 * run time, Secret and ConfigMap keys against what the pods read, CronJob targets against the job endpoints, the
 * ingress against the public paths. Runs on the base as committed and, when kustomize is installed, on the built
 * production overlay.
 */
class CrossReferenceTest {

    private static final Map<String, String> PROBES =
            Map.of("startup", "/q/health/started", "liveness", "/q/health/live", "readiness", "/q/health/ready");

    /**
     * Job endpoints whose in-process schedule must be off when a CronJob calls them, and the variable that turns it
     * off. stats-service's revenue heartbeat joins here with its CronJob.
     */
    private static final Map<String, String> SCHEDULE_SWITCHES = Map.of(
            "/internal/v1/jobs/vault-sync", "ONYX_VAULT_SYNC_SCHEDULE_EVERY",
            "/internal/v1/jobs/daily-refresh", "ONYX_STATS_DAILY_REFRESH_CRON",
            "/internal/v1/jobs/revenue-heartbeat", "ONYX_STATS_HEARTBEAT_EVERY");

    static Stream<Arguments> manifestSets() {
        List<Arguments> sets = new ArrayList<>();
        sets.add(Arguments.of("base as committed", new Workloads(Manifests.base())));
        Manifests.kustomizeCommand()
                .ifPresent(command -> sets.add(Arguments.of(
                        "overlays/production as kustomize builds it",
                        new Workloads(Manifests.build(command, Manifests.PRODUCTION)))));
        return sets.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestSets")
    void eachServiceRunsItsImageOnItsPortWithProbesItServes(String set, Workloads manifests) {
        List<String> problems = new ArrayList<>();
        for (String name : ServiceBuild.NAMES) {
            ServiceBuild service = ServiceBuild.of(name);
            Optional<Deployment> deployment = manifests.deployment(name);
            if (deployment.isEmpty()) {
                problems.add("no Deployment " + name);
                continue;
            }
            Container container = only(deployment.get().getSpec().getTemplate().getSpec());
            if (!container.getImage().contains(service.imageRepository() + ":")) {
                problems.add(name + " runs " + container.getImage() + ", its build makes " + service.imageRepository());
            }
            var port = container.getPorts().stream()
                    .filter(p -> "http".equals(p.getName()))
                    .findFirst();
            if (port.isEmpty() || port.get().getContainerPort() != service.httpPort()) {
                problems.add(name + " container port 'http' is not quarkus.http.port " + service.httpPort());
            }
            checkProbe(problems, name, service, "startup", container.getStartupProbe());
            checkProbe(problems, name, service, "liveness", container.getLivenessProbe());
            checkProbe(problems, name, service, "readiness", container.getReadinessProbe());
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestSets")
    void everyEnvironmentVariableIsAConfigKeyItsProgramReads(String set, Workloads manifests) {
        List<String> problems = new ArrayList<>();
        for (Workloads.Pod pod : manifests.pods()) {
            for (Container container : pod.template().getSpec().getContainers()) {
                Set<String> names = manifests.environment(container).keySet();
                if (Workloads.isTrigger(container)) {
                    names.stream()
                            .filter(variable -> !JobTrigger.SETTINGS.contains(variable))
                            .forEach(variable ->
                                    problems.add(pod.name() + ": " + variable + " is no JobTrigger setting"));
                    continue;
                }
                Optional<String> service = Workloads.serviceOf(container);
                if (service.isEmpty()) {
                    problems.add(pod.name() + " runs " + container.getImage() + ", which is none of our images");
                    continue;
                }
                ServiceBuild build = ServiceBuild.of(service.get());
                names.forEach(variable ->
                        build.checkVariable(variable).ifPresent(problem -> problems.add(pod.name() + ": " + problem)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestSets")
    void everyConfigMapKeyReadExistsAndEveryKeyIsRead(String set, Workloads manifests) {
        List<String> problems = new ArrayList<>();
        Set<String> read = new HashSet<>();
        for (Workloads.Pod pod : manifests.pods()) {
            for (Container container : pod.template().getSpec().getContainers()) {
                for (EnvFromSource from : container.getEnvFrom()) {
                    String name = from.getConfigMapRef().getName();
                    Optional<ConfigMap> map = manifests.configMap(name);
                    if (map.isEmpty()) {
                        problems.add(pod.name() + " reads all of ConfigMap " + name + ", which does not exist");
                    } else {
                        map.get().getData().keySet().forEach(key -> read.add(name + "/" + key));
                    }
                }
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValueFrom() != null
                            && variable.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = variable.getValueFrom().getConfigMapKeyRef();
                        boolean exists = manifests
                                .configMap(ref.getName())
                                .map(map -> map.getData().containsKey(ref.getKey()))
                                .orElse(false);
                        if (!exists) {
                            problems.add(pod.name() + " reads " + ref.getName() + "/" + ref.getKey() + ": no such key");
                        }
                        read.add(ref.getName() + "/" + ref.getKey());
                    }
                }
            }
        }
        for (ConfigMap map : manifests.all(ConfigMap.class)) {
            map.getData().keySet().stream()
                    .map(key -> map.getMetadata().getName() + "/" + key)
                    .filter(key -> !read.contains(key))
                    .forEach(key -> problems.add("ConfigMap key " + key + " is read by no pod"));
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestSets")
    void everySecretKeyReadIsDocumentedAndEveryDocumentedKeyIsRead(String set, Workloads manifests) {
        Set<String> documented = SecretContract.documented();
        Set<String> read = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Workloads.Pod pod : manifests.pods()) {
            for (Container container : pod.template().getSpec().getContainers()) {
                manifests.environment(container).values().stream()
                        .filter(source -> source.secret() != null)
                        .map(source -> source.secret() + "/" + source.secretKey())
                        .forEach(key -> {
                            read.add(key);
                            if (!documented.contains(key)) {
                                problems.add(
                                        pod.name() + " reads Secret key " + key + ", not in README's Secrets table");
                            }
                        });
            }
        }
        documented.stream()
                .filter(key -> !read.contains(key))
                .forEach(key -> problems.add("README documents Secret key " + key + ", which no pod reads"));
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestSets")
    void everyPodRunsHardened(String set, Workloads manifests) {
        List<String> problems = new ArrayList<>();
        for (Workloads.Pod pod : manifests.pods()) {
            PodSpec spec = pod.template().getSpec();
            check(
                    problems,
                    pod.name(),
                    "automountServiceAccountToken false",
                    Boolean.FALSE.equals(spec.getAutomountServiceAccountToken()));
            check(
                    problems,
                    pod.name(),
                    "runAsNonRoot",
                    spec.getSecurityContext().getRunAsNonRoot());
            check(
                    problems,
                    pod.name(),
                    "a non-zero runAsUser",
                    spec.getSecurityContext().getRunAsUser() > 0);
            check(
                    problems,
                    pod.name(),
                    "the part-of label the NetworkPolicy admits",
                    "onyxos".equals(pod.template().getMetadata().getLabels().get("app.kubernetes.io/part-of")));
            for (Container container : spec.getContainers()) {
                var security = container.getSecurityContext();
                String where = pod.name() + " container " + container.getName();
                check(problems, where, "readOnlyRootFilesystem", security.getReadOnlyRootFilesystem());
                check(problems, where, "no privilege escalation", !security.getAllowPrivilegeEscalation());
                check(
                        problems,
                        where,
                        "capabilities dropped",
                        security.getCapabilities().getDrop().contains("ALL"));
                var resources = container.getResources();
                check(
                        problems,
                        where,
                        "cpu and memory requests and limits",
                        resources.getRequests().keySet().containsAll(Set.of("cpu", "memory"))
                                && resources.getLimits().keySet().containsAll(Set.of("cpu", "memory")));
                boolean tmp = container.getVolumeMounts().stream()
                        .filter(mount -> "/tmp".equals(mount.getMountPath()))
                        .anyMatch(mount -> spec.getVolumes().stream()
                                .filter(v -> v.getName().equals(mount.getName()))
                                .map(Volume::getEmptyDir)
                                .anyMatch(Objects::nonNull));
                check(problems, where, "an emptyDir on /tmp", tmp);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestSets")
    void servicesAutoscalersAndBudgetsFindTheirDeployments(String set, Workloads manifests) {
        List<String> problems = new ArrayList<>();
        for (Service service : manifests.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Deployment> selected = selecting(manifests, selector);
            if (selected.size() != 1) {
                problems.add(
                        "Service " + service.getMetadata().getName() + " selects " + selected.size() + " Deployments");
                continue;
            }
            Container container = only(selected.get(0).getSpec().getTemplate().getSpec());
            service.getSpec().getPorts().forEach(port -> {
                String target = port.getTargetPort().getStrVal();
                if (container.getPorts().stream().noneMatch(p -> Objects.equals(p.getName(), target))) {
                    problems.add("Service " + service.getMetadata().getName() + " targets port " + target);
                }
            });
        }
        for (String name : ServiceBuild.NAMES) {
            long services = manifests.all(Service.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(name))
                    .count();
            long autoscalers = manifests.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name))
                    .filter(h -> h.getSpec().getMinReplicas() >= 2)
                    .count();
            long budgets = manifests.all(PodDisruptionBudget.class).stream()
                    .filter(b -> selecting(manifests, b.getSpec().getSelector().getMatchLabels()).stream()
                            .anyMatch(d -> d.getMetadata().getName().equals(name)))
                    .count();
            if (services != 1 || autoscalers != 1 || budgets != 1) {
                problems.add(name + ": " + services + " Service(s), " + autoscalers
                        + " autoscaler(s) with at least 2 replicas, " + budgets + " disruption budget(s)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestSets")
    void cronJobsCallJobEndpointsOnceAtATimeAndTheirSchedulesAreOffInProcess(String set, Workloads manifests) {
        List<String> problems = new ArrayList<>();
        List<CronJob> cronJobs = manifests.all(CronJob.class);
        assertThat(cronJobs).as("CronJobs").isNotEmpty();
        for (CronJob cronJob : cronJobs) {
            String name = "CronJob/" + cronJob.getMetadata().getName();
            var spec = cronJob.getSpec();
            check(problems, name, "concurrencyPolicy Forbid", "Forbid".equals(spec.getConcurrencyPolicy()));
            check(problems, name, "startingDeadlineSeconds", spec.getStartingDeadlineSeconds() != null);
            check(
                    problems,
                    name,
                    "history limits",
                    spec.getSuccessfulJobsHistoryLimit() != null && spec.getFailedJobsHistoryLimit() != null);
            Container trigger =
                    only(spec.getJobTemplate().getSpec().getTemplate().getSpec());
            check(problems, name, "the JobTrigger", Workloads.isTrigger(trigger));
            Workloads.Source url = manifests.environment(trigger).get(JobTrigger.URL);
            if (url == null || url.value() == null) {
                problems.add(name + " has no " + JobTrigger.URL);
                continue;
            }
            URI target = URI.create(url.value());
            Optional<Service> service = manifests.all(Service.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(target.getHost()))
                    .findFirst();
            int port = target.getPort() < 0 ? 80 : target.getPort();
            if (service.isEmpty() || service.get().getSpec().getPorts().stream().noneMatch(p -> p.getPort() == port)) {
                problems.add(name + " calls " + target + ": no such Service and port");
                continue;
            }
            ServiceBuild build = ServiceBuild.of(service.get().getMetadata().getName());
            if (!target.getPath().startsWith("/internal/") || !build.hasOperation("post", target.getPath())) {
                problems.add(name + " calls " + target.getPath() + ", which is no POST job endpoint of " + build.name);
            }
            String switchOff = SCHEDULE_SWITCHES.get(target.getPath());
            Container served = only(manifests
                    .deployment(build.name)
                    .orElseThrow()
                    .getSpec()
                    .getTemplate()
                    .getSpec());
            Workloads.Source off =
                    switchOff == null ? null : manifests.environment(served).get(switchOff);
            if (off == null || !"off".equals(off.value())) {
                problems.add(build.name + " still schedules " + target.getPath() + " in-process: set "
                        + (switchOff == null
                                ? "its schedule switch (add it to SCHEDULE_SWITCHES)"
                                : switchOff + "=off"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestSets")
    void theSchemaIsMigratedByTheJobAloneAndOnlySiblingsReachTheServices(String set, Workloads manifests) {
        List<String> problems = new ArrayList<>();
        List<Job> jobs = manifests.all(Job.class);
        check(problems, "the set", "exactly one Job", jobs.size() == 1);
        for (Job job : jobs) {
            Container migrate = only(job.getSpec().getTemplate().getSpec());
            Workloads.Source profile = manifests.environment(migrate).get("QUARKUS_PROFILE");
            check(
                    problems,
                    "Job/" + job.getMetadata().getName(),
                    "the migrate profile",
                    profile != null && "migrate".equals(profile.value()));
        }
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Workloads.Source migrate = manifests
                    .environment(only(deployment.getSpec().getTemplate().getSpec()))
                    .get("QUARKUS_FLYWAY_MIGRATE_AT_START");
            check(
                    problems,
                    "Deployment/" + deployment.getMetadata().getName(),
                    "no migration at start",
                    migrate == null || "false".equals(migrate.value()));
        }
        boolean siblingsOnly = manifests.all(NetworkPolicy.class).stream()
                .filter(policy -> "api"
                        .equals(policy.getSpec()
                                .getPodSelector()
                                .getMatchLabels()
                                .get("app.kubernetes.io/component")))
                .anyMatch(policy -> policy.getSpec().getIngress().stream()
                        .flatMap(rule -> rule.getFrom().stream())
                        .anyMatch(peer -> peer.getPodSelector() != null
                                && "onyxos"
                                        .equals(peer.getPodSelector()
                                                .getMatchLabels()
                                                .get("app.kubernetes.io/part-of"))));
        check(problems, "the NetworkPolicies", "a rule admitting sibling pods to the services", siblingsOnly);
        boolean denyRest = manifests.all(NetworkPolicy.class).stream()
                .anyMatch(policy -> policy.getSpec().getIngress().isEmpty()
                        && policy.getSpec().getPolicyTypes().contains("Ingress"));
        check(problems, "the NetworkPolicies", "a default deny", denyRest);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestSets")
    void theIngressRoutesEveryPublicPathToItsServiceAndNothingInternal(String set, Workloads manifests) {
        List<Ingress> ingresses = manifests.all(Ingress.class);
        if (ingresses.isEmpty()) {
            return; // the base has none: an overlay brings the cluster's ingress
        }
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> routed = new HashMap<>();
        for (Ingress ingress : ingresses) {
            for (var rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String prefix = path.getPath();
                    String backend = path.getBackend().getService().getName();
                    if (Stream.of("/internal", "/ops", "/q").anyMatch(prefix::startsWith) || prefix.equals("/")) {
                        problems.add("the ingress routes " + prefix + ", which must never be reachable from outside");
                    }
                    if (!ServiceBuild.NAMES.contains(backend)) {
                        problems.add("the ingress routes " + prefix + " to " + backend + ", none of our services");
                        continue;
                    }
                    if (ServiceBuild.of(backend).paths().stream().noneMatch(p -> covers(prefix, p))) {
                        problems.add(
                                "the ingress routes " + prefix + " to " + backend + ", which serves nothing there");
                    }
                    routed.computeIfAbsent(backend, b -> new ArrayList<>()).add(prefix);
                }
            }
        }
        for (String name : ServiceBuild.NAMES) {
            for (String path : ServiceBuild.of(name).paths()) {
                boolean isPublic = path.startsWith("/api/") || path.startsWith("/webhooks/");
                if (isPublic && routed.getOrDefault(name, List.of()).stream().noneMatch(p -> covers(p, path))) {
                    problems.add(name + " serves " + path + ", which the ingress does not route to it");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean covers(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static void checkProbe(List<String> problems, String name, ServiceBuild service, String kind, Probe probe) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(name + " has no " + kind + " probe");
            return;
        }
        String path = probe.getHttpGet().getPath();
        if (!PROBES.get(kind).equals(path) || !service.hasOperation("get", path)) {
            problems.add(name + "'s " + kind + " probe GETs " + path + ", not " + PROBES.get(kind) + " it serves");
        }
        if (!"http".equals(probe.getHttpGet().getPort().getStrVal())) {
            problems.add(name + "'s " + kind + " probe is not on port http");
        }
    }

    private static List<Deployment> selecting(Workloads manifests, Map<String, String> selector) {
        return manifests.all(Deployment.class).stream()
                .filter(d -> d.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(selector.entrySet()))
                .toList();
    }

    private static Container only(PodSpec spec) {
        assertThat(spec.getContainers()).hasSize(1);
        return spec.getContainers().get(0);
    }

    private static void check(List<String> problems, String where, String what, Boolean holds) {
        if (!Boolean.TRUE.equals(holds)) {
            problems.add(where + " lacks " + what);
        }
    }
}
