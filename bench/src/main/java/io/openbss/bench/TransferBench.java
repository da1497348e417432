package io.openbss.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * UpdateSubEnterpriseAmount through the gateway, signed with AK/SK by each master as the SDK signs: many enterprise
 * masters, each with financially independent sub-accounts, all funded; each request allocates a small amount to one
 * sub-account with a fresh trans_id (the transfer recorded, the ledger's transfer, the transfer finished), then
 * ReclaimSubEnterpriseAmount takes the same amounts back. The baseline in the same run is ShowCustomerAccountBalances
 * through the gateway. Afterwards the money of every master and its sub-accounts is counted.
 */
final class TransferBench {

    static final double TARGET_PER_SECOND = 500;
    static final double TARGET_P99_MS = 100;
    static final String PATH = "/v2/enterprises/multi-accounts/";

    private final BenchPlatform platform;
    private final int masters;
    private final int subs;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> customers = new ArrayList<>();

    TransferBench(BenchPlatform platform, int masters, int subs) {
        this.platform = platform;
        this.masters = masters;
        this.subs = subs;
    }

    void run(int transfers, int concurrency, Targets targets) throws SQLException {
        long start = System.nanoTime();
        SignedHttpClient[] clients = new SignedHttpClient[masters];
        String[][] subIds = new String[masters][subs];
        for (int m = 0; m < masters; m++) {
            String master = account("bench-tr-" + run + "-m" + m, "enterprise_master", "1000000.00");
            JsonNode key = platform.admin().expect("POST", "/admin/v1/domains/" + master + "/access-keys", Map.of());
            clients[m] = new SignedHttpClient(URI.create(platform.gateway()), key.path("access_key").asText(),
                    key.path("secret_key").asText(), master);
            for (int s = 0; s < subs; s++) {
                subIds[m][s] = account("bench-tr-" + run + "-m" + m + "-s" + s, "enterprise_sub", "100.00");
                platform.admin().expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master
                        + "/sub-customers/" + subIds[m][s], Map.of("account_name", "bench-tr-" + run + "-m" + m
                        + "-s" + s, "financial_custody", 0));
            }
        }
        System.out.printf("transfers: %d masters with %d sub-accounts each, registered and funded in %.1f s%n",
                masters, subs, (System.nanoTime() - start) / 1e9);
        BigDecimal before = cash();
        Load.warmUntilCompiled(platform, "transfers: ", Integer.MAX_VALUE, concurrency,
                i -> clients[i % masters].request("GET", "/v2/accounts/customer-accounts/balances", null, Map.of(),
                        null, Instant.now()));
        Load.warmUntilCompiled(platform, "transfers: ", Integer.MAX_VALUE, concurrency,
                i -> transfer(clients, subIds, "transfer-amount", "w", i));
        Load.Figures baseline = CpuBudget.measure(platform, "transfers: ", () -> Load.run(
                "baseline: ShowCustomerAccountBalances via gateway", transfers, concurrency,
                i -> clients[i % masters].request("GET", "/v2/accounts/customer-accounts/balances", null, Map.of(),
                        null, Instant.now())));
        Load.Figures allocated = CpuBudget.measure(platform, "transfers: ", () -> Load.run(
                "UpdateSubEnterpriseAmount via gateway", transfers, concurrency,
                i -> transfer(clients, subIds, "transfer-amount", "a", i)));
        Load.Figures reclaimed = Load.run("ReclaimSubEnterpriseAmount via gateway", transfers, concurrency,
                i -> transfer(clients, subIds, "retrieve-amount", "r", i));
        System.out.println("transfers: " + reclaimed.line());
        targets.perSecond("transfers: UpdateSubEnterpriseAmount via gateway", allocated, TARGET_PER_SECOND, baseline);
        targets.p99Below("transfers: UpdateSubEnterpriseAmount via gateway, p99", allocated, TARGET_P99_MS, baseline);
        targets.report("transfers: ReclaimSubEnterpriseAmount via gateway (the money back)", String.format(
                "%,.0f/s p99 %.1f ms", reclaimed.perSecond(), reclaimed.p99()), Targets.brief(baseline));
        BigDecimal after = cash();
        long answered = 2L * transfers - allocated.failures() - reclaimed.failures();
        long entries = entries();
        String measured = String.format("cash of masters and sub-accounts %s before, %s after; %d transfer entries "
                + "for %d transfers answered 2xx", before.toPlainString(), after.toPlainString(), entries, answered);
        System.out.println("transfers: " + measured);
        targets.check("transfers: money conserved, one ledger entry per transfer", measured,
                before.compareTo(after) == 0 && entries == answered);
    }

    /** Request {@code i}: master {@code i % masters} moves 0.01-0.97 to or from one of its sub-accounts. */
    private HttpRequest transfer(SignedHttpClient[] clients, String[][] subIds, String operation, String kind, int i) {
        int m = i % masters;
        String body = """
                {"customer_id":"%s","amount":"%s","trans_id":"bench-tr-%s-%s-%d","balance_type":"BALANCE_TYPE_DEBIT"}"""
                .formatted(subIds[m][(i / masters) % subs], BigDecimal.valueOf(1 + i % 97, 2).toPlainString(), run,
                        kind, i);
        return clients[m].request("POST", PATH + operation, null, Map.of(), body.getBytes(StandardCharsets.UTF_8),
                Instant.now());
    }

    /** A new account of {@code kind}, registered with billing and funded with {@code cash}: its id. */
    private String account(String name, String kind, String cash) {
        AdminClient admin = platform.admin();
        String id = admin.expect("POST", "/admin/v1/domains", Map.of("name", name, "kind", kind)).path("domain_id")
                .asText();
        admin.expect("PUT", "/admin/v1/services/billing/v1/customers/" + id, Map.of("customer_name", name));
        admin.expect("POST", "/admin/v1/services/billing/v1/ledger/recharges", Map.of("idempotency_key",
                "bench-tr-" + id, "customer_id", id, "amount", new BigDecimal(cash), "payment_channel_id", 2));
        customers.add(id);
        return id;
    }

    /** The cash of every account of the run: transfers between a master and its sub-accounts leave it unchanged. */
    private BigDecimal cash() throws SQLException {
        try (Connection db = platform.jdbc(); PreparedStatement query = db.prepareStatement(
                "SELECT coalesce(sum(balance), 0) FROM ledger_account WHERE account_type = 'CASH' "
                        + "AND customer_id = ANY (?)")) {
            query.setArray(1, db.createArrayOf("varchar", customers.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    /** The ledger's entries of the measured transfers (their trade id is the master's trans_id). */
    private long entries() throws SQLException {
        try (Connection db = platform.jdbc(); PreparedStatement query = db.prepareStatement("""
                SELECT count(*) FROM journal_entry WHERE trade_type IN ('BEADJUST', 'BERETRIEVE')
                   AND (trade_id LIKE ? OR trade_id LIKE ?)""")) {
            query.setString(1, "bench-tr-" + run + "-a-%");
            query.setString(2, "bench-tr-" + run + "-r-%");
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
