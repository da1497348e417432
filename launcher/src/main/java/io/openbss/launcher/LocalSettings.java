package io.openbss.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the local platform runs, from environment variables (the README's configuration table). Ports default to
 * 18080 (public API), 18081 (gateway admin), 18082-18084 (orders, billing, enterprise), 18085 (the console) and
 * 15432 (PostgreSQL); a console port of 0 runs no console. {@link #standIn()} is the second platform that
 * {@code ./bss up --upstream} runs as the upstream BSS.
 */
public record LocalSettings(Path root, Path home, int gatewayPort, int adminPort, int ordersPort, int billingPort,
        int enterprisePort, int consolePort, int postgresPort, Optional<String> externalDatabaseUrl, boolean demoData,
        String javaCommand) {

    /** The settings of this run: the repository root that ./bss passes as {@code bss.root}, and the environment. */
    public static LocalSettings current() {
        return fromEnvironment(Path.of(System.getProperty("bss.root", ".")).toAbsolutePath().normalize());
    }

    public static LocalSettings fromEnvironment(Path root) {
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("BSS_HOME", root.resolve(".bss").toString())).toAbsolutePath();
        return new LocalSettings(root, home,
                port(env, "BSS_GATEWAY_PORT", 18080), port(env, "BSS_ADMIN_PORT", 18081),
                port(env, "BSS_ORDERS_PORT", 18082), port(env, "BSS_BILLING_PORT", 18083),
                port(env, "BSS_ENTERPRISE_PORT", 18084), port(env, "BSS_CONSOLE_PORT", 18085),
                port(env, "BSS_PG_PORT", 15432),
                Optional.ofNullable(env.get("BSS_DB_URL")).filter(s -> !s.isBlank()),
                !"false".equalsIgnoreCase(env.getOrDefault("BSS_DEMO", "true")),
                ProcessHandle.current().info().command().orElse("java"));
    }

    /**
     * The stand-in upstream: a second local platform with its own home under this one's, its own ports and its own
     * embedded PostgreSQL (never the external database of this one), with its own demo data; no console (nobody
     * looks at the upstream's pages).
     */
    public LocalSettings standIn() {
        return new LocalSettings(root, home.resolve("upstream"), 19080, 19081, 19082, 19083, 19084, 0, 15433,
                Optional.empty(), true, javaCommand);
    }

    /** The environment that makes {@link #current()} in a child process answer these settings. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BSS_HOME", home.toString());
        env.put("BSS_GATEWAY_PORT", String.valueOf(gatewayPort));
        env.put("BSS_ADMIN_PORT", String.valueOf(adminPort));
        env.put("BSS_ORDERS_PORT", String.valueOf(ordersPort));
        env.put("BSS_BILLING_PORT", String.valueOf(billingPort));
        env.put("BSS_ENTERPRISE_PORT", String.valueOf(enterprisePort));
        env.put("BSS_CONSOLE_PORT", String.valueOf(consolePort));
        env.put("BSS_PG_PORT", String.valueOf(postgresPort));
        env.put("BSS_DB_URL", externalDatabaseUrl.orElse(""));
        env.put("BSS_DEMO", String.valueOf(demoData));
        return env;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public String adminEndpoint() {
        return "http://127.0.0.1:" + adminPort;
    }

    /** Whether this platform runs the console (the stand-in upstream and the benchmarks' platforms do not). */
    public boolean console() {
        return consolePort != 0;
    }

    public String consoleEndpoint() {
        return "http://127.0.0.1:" + consolePort;
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path demoEnvFile() {
        return home.resolve("demo.env");
    }

    /** Where {@code ./bss up --upstream} writes the stand-in upstream's endpoint and demo credentials. */
    public Path upstreamEnvFile() {
        return home.resolve("upstream.env");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new LauncherException(name + " must be a port number, not " + value);
        }
    }
}
