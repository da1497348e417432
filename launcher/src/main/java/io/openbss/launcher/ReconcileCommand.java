package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.time.BssTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./bss reconcile [--months N]}: checks, for every account of the platform and each of the last N bill
 * cycles (12 unless given; the sandbox's business month is the last), that every view of its money agrees (see
 * {@link Reconciliation}). It reads as each customer through the public API, with an AK/SK it makes for the run and
 * disables afterwards. Prints each difference with the ids that show it; exit 1 if there is any.
 */
public final class ReconcileCommand {

    private final AdminClient admin;
    private final String endpoint;

    public ReconcileCommand(AdminClient admin, String endpoint) {
        this.admin = admin;
        this.endpoint = endpoint;
    }

    public int run(List<String> arguments) {
        int months = 12;
        if (arguments.size() == 2 && arguments.get(0).equals("--months") && arguments.get(1).matches("\\d{1,3}")
                && Integer.parseInt(arguments.get(1)) > 0) {
            months = Integer.parseInt(arguments.get(1));
        } else if (!arguments.isEmpty()) {
            System.out.println("usage: ./bss reconcile [--months N]");
            return 2;
        }
        YearMonth last = YearMonth.from(BssTime.businessDate(new SandboxClock(admin).now()));
        YearMonth first = last.minusMonths(months - 1L);
        List<String> customers = new ArrayList<>();
        for (JsonNode domain : admin.expect("GET", "/admin/v1/domains", null).path("domains")) {
            customers.add(domain.path("domain_id").asText());
        }
        List<Reconciliation.Difference> differences = reconcile(admin, endpoint, customers, first, last);
        differences.forEach(System.out::println);
        System.out.printf("%d accounts, bill cycles %s to %s: %d differences%n", customers.size(), first, last,
                differences.size());
        return differences.isEmpty() ? 0 : 1;
    }

    /** Reconciles the customers' views over the cycles, reading as each with a key made for the purpose. */
    public static List<Reconciliation.Difference> reconcile(AdminClient admin, String endpoint, List<String> customers,
            YearMonth first, YearMonth last) {
        Reconciliation reconciliation = new Reconciliation();
        for (String customer : customers) {
            JsonNode key = admin.expect("POST", "/admin/v1/domains/" + customer + "/access-keys",
                    Map.of("description", "./bss reconcile"));
            String accessKey = key.path("access_key").asText();
            try {
                reconciliation.customer(new CustomerView(endpoint, customer, accessKey,
                        key.path("secret_key").asText()), first, last);
            } finally {
                admin.expect("PUT", "/admin/v1/access-keys/" + accessKey, Map.of("status", "inactive"));
            }
        }
        return reconciliation.finish();
    }
}
