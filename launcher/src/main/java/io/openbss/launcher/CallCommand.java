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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./bss call <Operation> [--name value ...] [--body JSON] [--as SUB1|SUB2|INDIVIDUAL]}: signs a call of
 * one operation with the demo (or given) AK/SK and prints the answer. Credentials come from {@code --ak/--sk/
 * --domain-id/--endpoint}, else BSS_* environment variables, else the demo env file.
 */
public final class CallCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSettings settings;

    public CallCommand(LocalSettings settings) {
        this.settings = settings;
    }

    public int run(List<String> args) throws IOException, InterruptedException {
        if (args.isEmpty()) {
            throw new LauncherException("usage: ./bss call <OperationName> [--name value ...] [--body JSON]");
        }
        OperationTable table = OperationTable.load();
        Operation operation = table.byName(args.getFirst()).orElseThrow(() -> new LauncherException(
                "no operation " + args.getFirst() + "; known: " + table.all().stream().map(Operation::name).toList()));
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || i + 1 >= args.size()) {
                throw new LauncherException("expected --name value, got " + arg);
            }
            options.put(arg.substring(2), args.get(++i));
        }
        String prefix = options.containsKey("as") ? "BSS_" + options.remove("as").toUpperCase() + "_" : "BSS_";
        DemoCredentials file = DemoCredentials.read(settings.demoEnvFile());
        String endpoint = pick(options.remove("endpoint"), "BSS_ENDPOINT", file, settings.endpoint());
        String ak = pick(options.remove("ak"), prefix + "AK", file, null);
        String sk = pick(options.remove("sk"), prefix + "SK", file, null);
        String domainId = pick(options.remove("domain-id"), prefix + "DOMAIN_ID", file, null);
        if (ak == null || sk == null) {
            throw new LauncherException("no credentials: run ./bss up (demo data), or give --ak and --sk, or set "
                    + prefix + "AK and " + prefix + "SK");
        }
        String body = options.remove("body");

        List<String> pathValues = new ArrayList<>();
        for (String name : operation.pathParameters()) {
            String value = options.remove(name);
            if (value == null && name.equals("domain_id")) {
                value = domainId;
            }
            if (value == null) {
                throw new LauncherException(operation.name() + " needs --" + name);
            }
            pathValues.add(Rfc3986.encode(value));
        }
        String language = options.remove("X-Language");
        StringBuilder query = new StringBuilder();
        options.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(Rfc3986.encode(name))
                .append('=').append(Rfc3986.encode(value)));

        SignedHttpClient client = new SignedHttpClient(URI.create(endpoint), ak, sk, domainId);
        SignedHttpClient.Response response = client.send(operation.method(), operation.path(pathValues),
                query.toString(), language == null ? Map.of() : Map.of("X-Language", language),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), java.time.Instant.now());
        System.out.println("HTTP " + response.status() + "  X-Request-Id: " + response.header("X-Request-Id"));
        System.out.println(pretty(response.body()));
        return response.status() >= 200 && response.status() < 300 ? 0 : 1;
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
}
