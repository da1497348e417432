package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.identity.CallerKind;
import io.openbss.common.time.BssTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./bss reconcile [--months N]}: checks, for every account of the platform and each of the last N bill
 * cycles (12 unless given; the sandbox's business month is the last), that every view of its money agrees (see
 * {@link Reconciliation}). It reads as each customer through the public API, with an AK/SK it makes for the run and
 * disables afterwards. Prints each difference with the ids that show it; exit 1 if there is any.
 */
@Command(name = "reconcile", description = {"check that every view of the money agrees for every account and each of "
        + "the last N bill cycles: prints each difference with its ids, exit 1 if any"})
public final class ReconcileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The platform to reconcile: given, or (when null) the running one, found when the command runs. */
    private final AdminClient platformAdmin;
    private final String platformEndpoint;

    private int months = 12;

    public ReconcileCommand() {
        this(null, null);
    }

    public ReconcileCommand(AdminClient admin, String endpoint) {
        this.platformAdmin = admin;
        this.platformEndpoint = endpoint;
    }

    @Option(names = "--months", paramLabel = "N", description = "how many bill cycles, 1 to 999 (default: 12); the "
            + "sandbox's business month is the last")
    void months(int value) {
        if (value < 1 || value > 999) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--months': expected 1 to 999, "
                    + "not " + value);
        }
        months = value;
    }

    int months() {
        return months;
    }

    /** Runs on the given platform with these arguments, as {@code ./bss reconcile} takes them; the exit status. */
    public int run(List<String> arguments) {
        return new CommandLine(this).execute(arguments.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        AdminClient admin = platformAdmin;
        String endpoint = platformEndpoint;
        if (admin == null) {
            if (System.getenv("BSS_ADMIN_URL") != null) {
                // it signs customers' calls on the local public API too, which that variable does not move
                throw new LauncherException("./bss reconcile checks the local platform: unset BSS_ADMIN_URL");
            }
            LocalSettings settings = LocalSettings.current();
            Optional<AdminClient> running = RunningPlatform.admin(settings);
            if (running.isEmpty()) {
                return 1;
            }
            admin = running.get();
            endpoint = settings.endpoint();
        }
        YearMonth last = YearMonth.from(BssTime.businessDate(new SandboxClock(admin).now()));
        YearMonth first = last.minusMonths(months - 1L);
        List<String> customers = new ArrayList<>();
        Set<String> linked = new HashSet<>();
        admin.expect("GET", "/admin/v1/upstream-links", null).path("links")
                .forEach(link -> linked.add(link.path("domain_id").asText()));
        for (JsonNode domain : admin.expect("GET", "/admin/v1/domains", null).path("domains")) {
            // a partner account has no bills, balances or orders of its own: the customer API refuses it; a linked
            // account's money is the upstream BSS's, which its views show
            String domainId = domain.path("domain_id").asText();
            if (!CallerKind.PARTNER.wireName().equals(domain.path("kind").asText()) && !linked.contains(domainId)) {
                customers.add(domainId);
            }
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
