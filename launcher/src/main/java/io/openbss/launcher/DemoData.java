package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.time.BssTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo data set, loaded through the admin API, the services' internal APIs and the customers' own signed calls,
 * so that loading it again changes nothing: an enterprise master with two sub-accounts and an individual customer,
 * each with AK/SK, and months of history played through the real flows (see {@link DemoHistory}): orders in
 * several states, payments with discounts, coupons and a stored-value card, renewals, a refund, a transfer, usage
 * and its bills. Every time derives from when the demo was first loaded (the master account's creation).
 */
public final class DemoData {

    /** One demo account and the env-file prefix of its credentials. */
    public record DemoAccount(String name, String kind, String envPrefix, String displayName, BigDecimal recharge,
            BigDecimal creditLimit) {
    }

    public static final DemoAccount MASTER = new DemoAccount("demo-enterprise", "enterprise_master", "BSS_",
            "Demo Enterprise", new BigDecimal("10000.00"), new BigDecimal("5000.00"));
    public static final DemoAccount SUB1 = new DemoAccount("demo-sub-dev", "enterprise_sub", "BSS_SUB1_",
            "Development", new BigDecimal("800.00"), null);
    public static final DemoAccount SUB2 = new DemoAccount("demo-sub-ops", "enterprise_sub", "BSS_SUB2_",
            "Operations", new BigDecimal("300.00"), null);
    public static final DemoAccount INDIVIDUAL = new DemoAccount("demo-individual", "individual",
            "BSS_INDIVIDUAL_", "Individual", new BigDecimal("1200.00"), null);
    public static final List<DemoAccount> ACCOUNTS = List.of(MASTER, SUB1, SUB2, INDIVIDUAL);

    /** A demo account's domain as found or made, with the access key the demo uses. */
    private record FoundAccount(String id, Instant createdAt, String accessKey, String secretKey) {
    }

    /** The day up to which the demo's daily usage has been metered (kept in the env file for the next start). */
    static final String METERED_UNTIL = "BSS_DEMO_METERED_UNTIL";

    private final AdminClient admin;
    private final String endpoint;

    public DemoData(AdminClient admin, String endpoint) {
        this.admin = admin;
        this.endpoint = endpoint;
    }

    /**
     * Loads (or finds) the demo data and returns its credentials, reusing the keys of {@code previous}. The first
     * load plays the history (see {@link DemoHistory}) with the sandbox clock from its first day; a later one only
     * meters the days of usage since.
     */
    public DemoCredentials load(DemoCredentials previous) {
        DemoCredentials credentials = DemoCredentials.empty();
        credentials.put("BSS_ENDPOINT", endpoint);
        Map<DemoAccount, String> ids = new LinkedHashMap<>();
        Map<DemoAccount, CustomerView> views = new LinkedHashMap<>();
        // the accounts are found (or made) and their keys checked at the same time: a reload is these calls and
        // little else, made to services that have only just started
        List<FoundAccount> found = Concurrently.map(ACCOUNTS, account -> {
            JsonNode domain = domain(account);
            String domainId = domain.path("domain_id").asText();
            String[] key = accessKey(domainId, previous.get(account.envPrefix() + "AK"),
                    previous.get(account.envPrefix() + "SK"));
            return new FoundAccount(domainId, Instant.parse(domain.path("created_at").asText()), key[0], key[1]);
        });
        Instant epoch = found.get(ACCOUNTS.indexOf(MASTER)).createdAt();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            DemoAccount account = ACCOUNTS.get(i);
            FoundAccount domain = found.get(i);
            ids.put(account, domain.id());
            credentials.put(account.envPrefix() + "AK", domain.accessKey());
            credentials.put(account.envPrefix() + "SK", domain.secretKey());
            credentials.put(account.envPrefix() + "DOMAIN_ID", domain.id());
            views.put(account, new CustomerView(endpoint, domain.id(), domain.accessKey(), domain.secretKey()));
        }
        DemoBilling billing = new DemoBilling(admin, epoch, ids.get(MASTER), ids.get(SUB1), ids.get(SUB2),
                ids.get(INDIVIDUAL));
        LocalDate today = BssTime.businessDate(Instant.now());
        // A linked account's calls go to its upstream BSS (perhaps a real one, perhaps down): the demo never plays its
        // history there, and it was played before any link was made.
        boolean played = linked(ids.values()) || views.get(MASTER).get("/v2/orders/customer-orders",
                Map.of("limit", "1")).path("total_count").asInt() > 0;
        SandboxClock clock = new SandboxClock(admin);
        String metered = previous.get(METERED_UNTIL);
        // a start after a complete load (it wrote METERED_UNTIL) finds the accounts' set-up and users in place: only
        // the days since are metered, which keeps ./bss up to seconds
        boolean loaded = played && metered != null;
        try {
            if (!played) {
                clock.moveTo(BssTime.startOf(billing.historyStart()).plus(Duration.ofHours(9)));
            }
            if (!loaded) {
                for (DemoAccount account : ACCOUNTS) {
                    billing(account, ids.get(account));
                }
                enterprise(ids.get(MASTER), ids.get(SUB1), ids.get(SUB2));
                billing.setUp();
            }
            if (played) {
                LocalDate from = metered == null ? billing.historyStart() : LocalDate.parse(metered.strip());
                billing.usage(from.isBefore(billing.historyStart()) ? billing.historyStart() : from, today);
            } else {
                new DemoHistory(admin, clock, billing, ids, views).play(billing.historyStart(), today);
            }
        } finally {
            // the services have just started, every clock at real time: only playing the history moved them
            if (!played) {
                clock.offset(Duration.ZERO);
            }
        }
        credentials.put(METERED_UNTIL, today.toString());
        if (!loaded) {
            new DemoUsers(admin, endpoint).load(ids);
        }
        credentials.put("BSS_PASSWORD", DemoUsers.PASSWORD);
        return credentials;
    }

    /** Whether one of these accounts is linked to an upstream account (./bss up --upstream, ./bss admin link). */
    private boolean linked(Collection<String> domainIds) {
        return new UpstreamLinks(admin).all().stream()
                .anyMatch(link -> domainIds.contains(link.path("domain_id").asText()));
    }

    private JsonNode domain(DemoAccount account) {
        JsonNode found = admin.expect("GET", "/admin/v1/domains?name=" + account.name(), null).path("domains");
        if (found.size() > 0) {
            return found.get(0);
        }
        Map<String, Object> domain = new HashMap<>(Map.of("name", account.name(), "kind", account.kind()));
        if (account == MASTER) {
            // the enterprise's phone: sub-accounts created with use_pri_mobile_phone=Y share it
            domain.put("mobile_phone", "+86-13800000000");
        }
        return admin.expect("POST", "/admin/v1/domains", domain);
    }

    /** The key from the previous env file while it is still active, else a new one. */
    private String[] accessKey(String domainId, String previousAk, String previousSk) {
        if (previousAk != null && previousSk != null) {
            for (JsonNode key : admin.expect("GET", "/admin/v1/domains/" + domainId + "/access-keys", null)
                    .path("access_keys")) {
                if (key.path("access_key").asText().equals(previousAk) && key.path("status").asText().equals("active")) {
                    return new String[] {previousAk, previousSk};
                }
            }
        }
        JsonNode created = admin.expect("POST", "/admin/v1/domains/" + domainId + "/access-keys",
                Map.of("description", "demo key"));
        return new String[] {created.path("access_key").asText(), created.path("secret_key").asText()};
    }

    private void billing(DemoAccount account, String domainId) {
        Map<String, Object> registration = new HashMap<>();
        registration.put("customer_name", account.name());
        if (account.creditLimit() != null) {
            registration.put("credit_limit", account.creditLimit());
        }
        admin.expect("PUT", "/admin/v1/services/billing/v1/customers/" + domainId, registration);
        admin.expect("POST", "/admin/v1/services/billing/v1/ledger/recharges", Map.of(
                "idempotency_key", "demo-initial-" + domainId, "customer_id", domainId,
                "amount", account.recharge(), "payment_channel_id", 2, "remark", "demo opening balance"));
    }

    private void enterprise(String master, String dev, String ops) {
        // organization units are parties with numeric ids; these derive from the master's id, so reloading finds them
        String root = Long.toUnsignedString(Long.parseUnsignedLong(master.substring(0, 12), 16) * 10);
        String rnd = Long.toUnsignedString(Long.parseUnsignedLong(master.substring(0, 12), 16) * 10 + 1);
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/organizations/" + root,
                Map.of("name", MASTER.displayName()));
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/organizations/" + rnd,
                Map.of("name", "R&D", "parent_id", root));
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/sub-customers/" + dev,
                Map.of("account_name", SUB1.name(), "display_name", SUB1.displayName(), "org_id", rnd,
                        "financial_custody", 1));
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/sub-customers/" + ops,
                Map.of("account_name", SUB2.name(), "display_name", SUB2.displayName(), "org_id", root,
                        "financial_custody", 0, "permission_ids", List.of("READ_CONSUME_BILL")));
    }
}
