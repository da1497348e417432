package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.admin;
import static io.openbss.e2e.TestPlatform.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.signing.Rfc3986;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.e2e.AnswerCheck.Violation;
import io.openbss.e2e.Baselines.Account;
import io.openbss.e2e.Baselines.Baseline;
import io.openbss.e2e.Baselines.Fixtures;
import io.openbss.e2e.HostileCases.HostileCase;
import io.openbss.e2e.HostileRunner.Answer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The project's hostile suite (issue 13): every operation of the operation table, through the real gateway with
 * signed requests, first with a valid baseline and then with hostile values in each of its parameters, one at a
 * time ({@link HostileValues}), whole bodies that are not what they should be, unknown parameters, and the gateway's
 * size limits. Every answer must be a non-5xx with an X-Request-Id, a 4xx the error envelope, a 2xx JSON
 * ({@link AnswerCheck}); afterwards the ledger's invariants hold and every state-changing call that succeeded has its
 * one audit record. All violations are collected, printed grouped by operation (and written to
 * {@code e2e-tests/target/hostile-report.txt}, every answer to {@code hostile-answers.txt}) and then fail the test
 * together. The values are fixed lists, not random: running the suite again replays it;
 * {@code -Dhostile.operations=PayOrders,ListCosts} runs some operations only.
 */
@ExtendWith(TestPlatform.class)
class HostileIT {

    static final int THREADS = 8;
    /** The operation (with a JSON body and no state change) the gateway's size limits are tried on. */
    static final String LIMITS_OPERATION = "ListPayPerUseCustomerResources";

    @Test
    void everyOperationAnswersHostileInputWithTheErrorEnvelopeAndKeepsTheLedgerAndTheAuditTrailWhole()
            throws Exception {
        long started = System.nanoTime();
        OperationTable table = OperationTable.load();
        List<Operation> operations = selected(table);
        Fixtures fixtures = HostileFixtures.make();
        Map<String, Baseline> baselines = Baselines.all(fixtures);
        Map<String, SignedHttpClient> signers = signers(operations, baselines, fixtures);
        String run = fixtures.customerId().substring(0, 8);
        HostileCases cases = new HostileCases(operations, ApiParameters.of(table), baselines,
                n -> "hostile-" + run + "-" + n);

        List<Answer> answers = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        try (HostileRunner runner = new HostileRunner(signers::get, settings().endpoint(), THREADS)) {
            // the baselines first, one by one: a state change they make must not race with their variants
            for (HostileCase baseline : cases.baselines()) {
                Answer answer = runner.send(baseline);
                answers.add(answer);
                if (answer.status() / 100 != 2) {
                    violations.add(Violation.of(answer, "baseline refused: its hostile cases may not reach the code"));
                }
            }
            // one operation after another: no two operations' requests race for the same trans_id
            for (Operation operation : operations) {
                answers.addAll(runner.sendAll(cases.of(operation.name())));
            }
            if (operations.stream().anyMatch(o -> o.name().equals(LIMITS_OPERATION))) {
                // one by one: two large bodies at once may be refused 503 by the gateway's bound on bodies in flight
                for (HostileCase limit : cases.limits(LIMITS_OPERATION)) {
                    answers.add(runner.send(limit));
                }
            }
        }
        answers.forEach(answer -> violations.addAll(AnswerCheck.check(answer)));
        int audited = auditTrail(answers, table, violations);
        ledger(violations);

        String tally = AnswerCheck.tally(answers);
        String report = tally + "\n" + AnswerCheck.statuses(answers) + "\n" + audited
                + " successful state-changing calls checked against the audit trail\ntook "
                + (System.nanoTime() - started) / 1_000_000_000 + " s\n\n" + AnswerCheck.report(violations);
        System.out.println(report);
        Path target = Path.of(System.getProperty("bss.root"), "e2e-tests", "target");
        Files.writeString(target.resolve("hostile-report.txt"), report);
        Files.writeString(target.resolve("hostile-answers.txt"), AnswerCheck.answers(answers));

        assertThat(answers.stream().map(a -> a.request().operation()).collect(Collectors.toSet()))
                .as("operations tried").containsExactlyInAnyOrderElementsOf(operations.stream()
                        .map(Operation::name).toList());
        assertThat(violations).as("%s; %d violations (listed above, grouped by operation): %s", tally,
                violations.size(), summary(violations)).isEmpty();
    }

    /** The table's operations, or those of {@code -Dhostile.operations}. */
    private static List<Operation> selected(OperationTable table) {
        String only = System.getProperty("hostile.operations", "");
        if (only.isBlank()) {
            return table.all();
        }
        Set<String> names = Set.of(only.split(","));
        return table.all().stream().filter(o -> names.contains(o.name())).toList();
    }

    /** How many violations of each rule, for the assertion's message. */
    private static Map<String, Long> summary(List<Violation> violations) {
        return violations.stream().collect(Collectors.groupingBy(Violation::rule, LinkedHashMap::new,
                Collectors.counting()));
    }

    /**
     * Keys of their own for every operation (on the account its baseline names), so that a key locked after
     * refused signatures blinds one operation only, and never the demo's keys the other tests use.
     */
    private static Map<String, SignedHttpClient> signers(List<Operation> operations, Map<String, Baseline> baselines,
            Fixtures fixtures) {
        Map<String, SignedHttpClient> signers = new HashMap<>();
        for (Operation operation : operations) {
            Account account = baselines.get(operation.name()).account();
            if (account == Account.PASSWORD) {
                continue;
            }
            String domainId = account == Account.MASTER ? fixtures.masterId() : fixtures.customerId();
            JsonNode key = admin().expect("POST", "/admin/v1/domains/" + domainId + "/access-keys",
                    Map.of("description", "hostile suite: " + operation.name()));
            signers.put(operation.name(), new SignedHttpClient(URI.create(settings().endpoint()),
                    key.path("access_key").asText(), key.path("secret_key").asText(), domainId));
        }
        return signers;
    }

    /**
     * Every state-changing call answered 2xx has exactly one audit record, of its operation and status. Returns how
     * many calls were checked.
     */
    private static int auditTrail(List<Answer> answers, OperationTable table, List<Violation> violations) {
        int checked = 0;
        for (Answer answer : answers) {
            String requestId = answer.header("X-Request-Id");
            if (answer.status() / 100 != 2 || requestId == null
                    || !table.byName(answer.request().operation()).orElseThrow().changesState()) {
                continue;
            }
            checked++;
            JsonNode records = admin().expect("GET", "/admin/v1/audit?request_id=" + Rfc3986.encode(requestId),
                    null).path("records");
            if (records.size() != 1) {
                violations.add(Violation.of(answer, "succeeded without exactly one audit record", records.size()
                        + " records for request " + requestId + "; answer " + answer.body()));
            } else if (!records.get(0).path("operation").asText().equals(answer.request().operation())
                    || records.get(0).path("status").asInt() != answer.status()) {
                violations.add(Violation.of(answer, "audit record of another call", records.get(0).toString()));
            }
        }
        return checked;
    }

    /** The ledger's invariants ({@link LedgerInvariants}): each that does not hold is a violation. */
    private static void ledger(List<Violation> violations) throws Exception {
        LedgerInvariants.broken().forEach((invariant, rows) -> violations.add(Violation.found("(ledger)", invariant,
                rows + " found")));
    }
}
