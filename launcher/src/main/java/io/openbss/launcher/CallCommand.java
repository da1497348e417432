package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.signing.Rfc3986;
import io.openbss.common.signing.SignedHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./bss call <Operation> [--name value ...] [--body JSON] [--as SUB1|SUB2|INDIVIDUAL]}: signs a call of
 * one operation with the demo (or given) AK/SK and prints the answer. Credentials come from {@code --ak/--sk/
 * --domain-id/--endpoint}, else BSS_* environment variables, else the demo env file.
 */
@Command(name = "call", modelTransformer = PassThrough.class, description = {"sign a call with the demo (or given "
        + "--ak/--sk) credentials and print the answer",
        "Credentials come from --ak/--sk/--domain-id/--endpoint, else the BSS_* environment variables, else the demo "
                + "env file that ./bss up writes.",
        "Example: ./bss call ListCustomerOrders --limit 5 --order_by -createTime"})
public final class CallCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<Operation>", converter = OperationName.class,
            completionCandidates = OperationNames.class, description = "an operation of the BSS API, e.g. "
            + "ShowCustomerAccountBalances")
    Operation operation;

    @Parameters(index = "1..*", paramLabel = "--<name> <value>", parameterConsumer = PassThrough.class, description = "the operation's path and query "
            + "parameters, e.g. --limit 5")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--body", paramLabel = "JSON", description = "the request body")
    String body;

    @Option(names = "--as", paramLabel = "SUB1|SUB2|INDIVIDUAL", completionCandidates = DemoAccounts.class,
            description = "call as that demo account (its BSS_<NAME>_AK, _SK and _DOMAIN_ID)")
    String as;

    @Option(names = "--ak", paramLabel = "AK", description = "the access key to sign with")
    String accessKey;

    @Option(names = "--sk", paramLabel = "SK", description = "its secret key")
    String secretKey;

    @Option(names = "--domain-id", paramLabel = "ID", description = "the account's domain id (X-Domain-Id)")
    String domainIdOption;

    @Option(names = "--endpoint", paramLabel = "URL", description = "the BSS API (default: the local platform's)")
    String endpointOption;

    @Option(names = "--X-Language", paramLabel = "LANGUAGE", description = "the X-Language header, e.g. en_US")
    String language;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> options = pairs();
        LocalSettings settings = LocalSettings.current();
        String prefix = as != null ? "BSS_" + as.toUpperCase(Locale.ROOT) + "_" : "BSS_";
        DemoCredentials file = DemoCredentials.read(settings.demoEnvFile());
        String endpoint = pick(endpointOption, "BSS_ENDPOINT", file, settings.endpoint());
        String ak = pick(accessKey, prefix + "AK", file, null);
        String sk = pick(secretKey, prefix + "SK", file, null);
        String domainId = pick(domainIdOption, prefix + "DOMAIN_ID", file, null);
        if (ak == null || sk == null) {
            throw new LauncherException("no credentials: run ./bss up (demo data), or give --ak and --sk, or set "
                    + prefix + "AK and " + prefix + "SK");
        }

        List<String> pathValues = new ArrayList<>();
        for (String name : operation.pathParameters()) {
            String value = options.remove(name);
            if (value == null && name.equals("domain_id")) {
                value = domainId;
            }
            if (value == null) {
                throw new ParameterException(spec.commandLine(), operation.name() + " needs --" + name);
            }
            pathValues.add(Rfc3986.encode(value));
        }
        StringBuilder query = new StringBuilder();
        options.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(Rfc3986.encode(name))
                .append('=').append(Rfc3986.encode(value)));

        SignedHttpClient client = new SignedHttpClient(URI.create(endpoint), ak, sk, domainId);
        SignedHttpClient.Response response = client.send(operation.method(), operation.path(pathValues),
                query.toString(), language == null ? Map.of() : Map.of("X-Language", language),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), Instant.now());
        System.out.println("HTTP " + response.status() + "  X-Request-Id: " + response.header("X-Request-Id"));
        System.out.println(pretty(response.body()));
        return response.status() >= 200 && response.status() < 300 ? 0 : 1;
    }

    /** The operation's parameters by name, from {@code --name value} pairs (a later one wins). */
    private Map<String, String> pairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Iterator<String> each = parameters.iterator(); each.hasNext();) {
            String name = each.next();
            if (!name.startsWith("--") || !each.hasNext()) {
                throw new ParameterException(spec.commandLine(), "expected --name value, got " + name);
            }
            pairs.put(name.substring(2), each.next());
        }
        return pairs;
    }

    private static String pick(String flag, String variable, DemoCredentials file, String fallback) {
        if (flag != null) {
            return flag;
        }
        String env = System.getenv(variable);
        if (env != null && !env.isBlank()) {
            return env;
        }
        String fromFile = file.get(variable);
        return fromFile != null ? fromFile : fallback;
    }

    private static String pretty(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (IOException e) {
            return body;
        }
    }

    /** An operation of the operation table, by its name. */
    static final class OperationName implements ITypeConverter<Operation> {

        @Override
        public Operation convert(String name) {
            OperationTable table = OperationTable.load();
            return table.byName(name).orElseThrow(() -> new TypeConversionException("no operation " + name
                    + "; known: " + table.all().stream().map(Operation::name).toList()));
        }
    }

    /** The operations' names, for shell completion. */
    static final class OperationNames implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return OperationTable.load().all().stream().map(Operation::name).sorted().iterator();
        }
    }

    /** The demo accounts that --as names, for shell completion. */
    static final class DemoAccounts implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            // BSS_SUB1_ is SUB1's prefix; the master's, BSS_, names none (it is the default)
            return DemoData.ACCOUNTS.stream().map(account -> account.envPrefix().replaceAll("^BSS_|_$", ""))
                    .filter(name -> !name.isEmpty()).iterator();
        }
    }
}
