package com.onyxos.common.testing.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The campaign's judgement of single answers, and the inputs it makes of an OpenAPI document: it can fail. */
class BadInputCampaignRulesTest {

    private static final String PROBLEM_400 =
            "{\"type\":\"t\",\"title\":\"Bad Request\",\"status\":400,\"code\":\"malformed_json\"}";

    private static Probe probe(Probe.Expect expect) {
        Operation op = new Operation("PUT", "/things/{id}", List.of(), List.of(), null);
        return new Probe(op, "body: duplicate key", "/things/1", new byte[0], false, null, expect);
    }

    /** The failure lines for one answer to a probe of kind {@code expect}, without ERROR logs. */
    private static List<String> judge(Probe.Expect expect, BadInputCampaign.Answer answer) {
        return BadInputCampaign.check(probe(expect), answer, List.of());
    }

    private static BadInputCampaign.Answer problem(String body, long millis) {
        return answer(400, "application/problem+json", body, millis);
    }

    private static BadInputCampaign.Answer answer(int status, String contentType, String body, long millis) {
        return new BadInputCampaign.Answer(status, contentType, body, millis, null);
    }

    @Test
    void aWellFormedProblemPasses() {
        assertThat(judge(Probe.Expect.MALFORMED_JSON, problem(PROBLEM_400, 5))).isEmpty();
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(judge(Probe.Expect.ANY, answer(500, "", "", 5))).anyMatch(line -> line.contains("a 5xx"));
        assertThat(judge(Probe.Expect.ANY, answer(400, "text/plain", "bad", 5)))
                .anyMatch(line -> line.contains("not a problem+json"));
        assertThat(judge(Probe.Expect.ANY, problem(PROBLEM_400.replace("t\"", "java.lang.IllegalStateException\""), 5)))
                .anyMatch(line -> line.contains("Exception"));
        assertThat(BadInputCampaign.check(
                        probe(Probe.Expect.ANY),
                        problem(PROBLEM_400, 5),
                        List.of("com.onyxos.common.problem.ProblemMappers: Unexpected failure")))
                .anyMatch(line -> line.contains("logged ERROR"));
        assertThat(judge(Probe.Expect.ANY, problem(PROBLEM_400, 2_500)))
                .anyMatch(line -> line.contains("took 2500 ms"));
        assertThat(judge(Probe.Expect.ANY, new BadInputCampaign.Answer(0, "", "", 5, "reset")))
                .anyMatch(line -> line.contains("no answer"));
    }

    @Test
    void whatAKindOfInputMustGetIsChecked() {
        assertThat(judge(Probe.Expect.CLIENT_ERROR, answer(200, "application/json", "{}", 5)))
                .anyMatch(line -> line.contains("expected a 4xx"));
        assertThat(judge(
                        Probe.Expect.MALFORMED_JSON, problem(PROBLEM_400.replace("malformed_json", "invalid_body"), 5)))
                .anyMatch(line -> line.contains("expected 400 malformed_json"));
        assertThat(judge(Probe.Expect.TOO_LARGE, problem(PROBLEM_400, 5)))
                .anyMatch(line -> line.contains("expected 413"));
    }

    @Test
    void inputsReachEveryPlaceAnOperationTakesInput() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("name").put("type", "string");
        properties.putObject("count").put("type", "integer");
        Operation op = new Operation(
                "POST",
                "/things/{id}",
                List.of(new Operation.Parameter(
                        "id",
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("type", "string")
                                .put("format", "uuid"))),
                List.of(new Operation.Parameter(
                        "q", JsonNodeFactory.instance.objectNode().put("type", "string"))),
                schema);
        UUID foreign = UUID.randomUUID();

        List<Probe> probes = new Inputs(List.of(foreign)).of(op);

        assertThat(probes)
                .extracting(Probe::input)
                .contains(
                        "body: duplicate key",
                        "body: 10,000-deep arrays",
                        "body.name: NUL",
                        "body.name: wrong type: number",
                        "body.count: wrong type: string",
                        "path.id: invalid UUID not-a-uuid",
                        "path.id: another agency's id",
                        "query.q: NUL",
                        "2 MB body with Content-Length",
                        "2 MB body, chunked",
                        "X-Agency-Id of another agency");
        assertThat(probes)
                .filteredOn(p -> p.input().equals("path.id: another agency's id"))
                .singleElement()
                .satisfies(p -> assertThat(p.target()).startsWith("/things/" + foreign));
        assertThat(probes)
                .filteredOn(p -> p.input().equals("body: duplicate key"))
                .singleElement()
                .satisfies(p -> assertThat(new String(p.body())).isEqualTo("{\"name\":\"a\",\"name\":\"a\"}"));
    }
}
