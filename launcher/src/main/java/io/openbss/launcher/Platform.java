package io.openbss.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole platform on one machine: PostgreSQL (embedded unless an external URL is given), the three services,
 * the gateway and the console, each a separate process. Used by {@code ./bss up} and by the end-to-end tests.
 */
public final class Platform implements AutoCloseable {

    private final LocalSettings settings;
    private final ServiceJvm jvm;
    private final Secrets secrets;
    private Database database;
    private final List<ServiceProcess> services = new ArrayList<>();

    public Platform(LocalSettings settings) {
        this.settings = settings;
        // $BSS_HOME and what it holds of secrets and codes are its owner's only (older versions left some readable).
        PrivateFiles.directory(settings.home());
        this.secrets = Secrets.loadOrCreate(settings.home());
        this.jvm = ServiceJvm.of(settings.home());
        PrivateFiles.restrict(settings.demoEnvFile());
        PrivateFiles.touch(smsOutbox());
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The running platform's PostgreSQL (after {@link #start()}). */
    public Database database() {
        return database;
    }

    public List<ServiceProcess> services() {
        return services;
    }

    /** Starts everything and waits until every service is ready. */
    public void start() {
        database = startDatabase();
        ServiceProcess billing = service("billing-service", settings.billingPort(), Map.of(
                "BSS_SANDBOX_CLOCK_CONTROL", "true",
                "BSS_GATEWAY_ADMIN_URL", "http://127.0.0.1:" + settings.adminPort(),
                "BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION", secrets.privateKey().toString()));
        ServiceProcess orders = service("orders-service", settings.ordersPort(), Map.of(
                "BSS_SANDBOX_CLOCK_CONTROL", "true",
                "BSS_BILLING_URL", "http://127.0.0.1:" + settings.billingPort(),
                "BSS_GATEWAY_ADMIN_URL", "http://127.0.0.1:" + settings.adminPort(),
                "BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION", secrets.privateKey().toString()));
        ServiceProcess enterprise = service("enterprise-service", settings.enterprisePort(), Map.of(
                "BSS_SANDBOX_CLOCK_CONTROL", "true",
                "BSS_BILLING_URL", "http://127.0.0.1:" + settings.billingPort(),
                "BSS_GATEWAY_ADMIN_URL", "http://127.0.0.1:" + settings.adminPort(),
                "BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION", secrets.privateKey().toString(),
                "BSS_SMS_OUTBOX", smsOutbox().toString()));
        service("gateway", "gateway", settings.adminPort(), gatewayEnvironment(settings.gatewayPort(), Map.of(
                "orders", "http://127.0.0.1:" + settings.ordersPort(),
                "billing", "http://127.0.0.1:" + settings.billingPort(),
                "enterprise", "http://127.0.0.1:" + settings.enterprisePort())));
        if (settings.console()) {
            // The console only calls the gateway (nothing at start-up), so it starts alongside the others.
            service("console", "console", settings.consolePort(), Map.of(
                    "BSS_CONSOLE_GATEWAY_URL", settings.endpoint(),
                    "BSS_CONSOLE_ADMIN_URL", settings.adminEndpoint()), false);
        }
        try {
            // Flyway migrations of the four services run in parallel, each in its own schema.
            List<CompletableFuture<Void>> starting = new ArrayList<>();
            for (ServiceProcess service : services) {
                service.start(settings.javaCommand(), jvmOptions(service, List.of()));
                starting.add(CompletableFuture.runAsync(() -> service.awaitReady(Duration.ofSeconds(120))));
            }
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            close();
            throw e.getCause() instanceof LauncherException le ? le : e;
        }
    }

    /**
     * Another gateway on this platform's database and keys, in front of the given services (a benchmark puts one in
     * front of another backend), with extra JVM options; ready when this returns, stopped with the platform.
     */
    public ServiceProcess startGateway(String name, int publicPort, int adminPort, Map<String, String> serviceUrls,
            List<String> jvmOptions) {
        ServiceProcess gateway = service(name, "gateway", adminPort, gatewayEnvironment(publicPort, serviceUrls));
        gateway.start(settings.javaCommand(), jvmOptions(gateway, jvmOptions));
        gateway.awaitReady(Duration.ofSeconds(120));
        return gateway;
    }

    private Map<String, String> gatewayEnvironment(int publicPort, Map<String, String> serviceUrls) {
        Map<String, String> env = new HashMap<>();
        env.put("BSS_GATEWAY_PUBLIC_PORT", String.valueOf(publicPort));
        // A sandbox with demo credentials answers on loopback unless told otherwise.
        env.put("BSS_GATEWAY_PUBLIC_HOST", System.getenv().getOrDefault("BSS_GATEWAY_PUBLIC_HOST", "127.0.0.1"));
        serviceUrls.forEach((service, url) -> env.put("BSS_GATEWAY_SERVICES_" + service.toUpperCase(Locale.ROOT),
                url));
        env.put("BSS_SK_ENCRYPTION_KEY", secrets.skEncryptionKey());
        env.put("BSS_ADMIN_TOKEN", secrets.adminToken());
        env.put("BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION", secrets.privateKey().toString());
        return env;
    }

    private Database startDatabase() {
        return Database.start(settings.externalDatabaseUrl(), settings.home().resolve("pgdata"),
                settings.postgresPort(), secrets.databasePasswordFile());
    }

    /**
     * Starts the embedded PostgreSQL again, on its data and port, after it stopped or was killed (PostgreSQL
     * recovers its committed transactions from its write-ahead log); the services reconnect by themselves.
     */
    public void restartDatabase() {
        try {
            database.close();
        } catch (IOException e) {
            System.err.println("stopping PostgreSQL: " + e.getMessage());
        }
        database = startDatabase();
    }

    /** Starts a service again (after it stopped or was killed) and waits until it is ready. */
    public void restart(String name) {
        restart(name, List.of());
    }

    /** Stops a service, waiting up to {@code grace} for it to end (an AOT training run writes its cache then). */
    public void stop(String name, Duration grace) {
        services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().stop(grace);
    }

    /** Starts a service again with extra JVM options (a benchmark's AOT cache) and waits until it is ready. */
    public ServiceProcess restart(String name, List<String> jvmOptions) {
        ServiceProcess service = services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        service.stop();
        service.start(settings.javaCommand(), jvmOptions(service, jvmOptions));
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    /**
     * Restarts every service that is training its AOT cache (its first run on this build and JDK), so that it writes
     * the cache and runs from it, as it will on every later start.
     */
    public void startFromAotCaches() {
        for (ServiceProcess service : services) {
            if (service.training()) {
                restart(service.name());
            }
        }
    }

    private List<String> jvmOptions(ServiceProcess service, List<String> extra) {
        return jvm.options(service.app(), extra);
    }

    /**
     * Where the local run's SMS verification codes are written, for a developer to read: made 600 here, before
     * enterprise-service appends to it.
     */
    public Path smsOutbox() {
        return settings.home().resolve("sms-outbox.log");
    }

    private ServiceProcess service(String name, int port, Map<String, String> extra) {
        return service(name, name, port, extra);
    }

    private ServiceProcess service(String name, String module, int port, Map<String, String> extra) {
        return service(name, module, port, extra, true);
    }

    /** A process of {@code module}'s packaged application; one that {@code usesDatabase} gets its credentials. */
    private ServiceProcess service(String name, String module, int port, Map<String, String> extra,
            boolean usesDatabase) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        if (usesDatabase) {
            env.put("BSS_DB_HOST", database.host());
            env.put("BSS_DB_PORT", String.valueOf(database.port()));
            env.put("BSS_DB_NAME", database.name());
            env.put("BSS_DB_USER", database.user());
            env.put("BSS_DB_PASSWORD", database.password());
            env.put("BSS_INTERNAL_TOKEN_PUBLIC_KEY_LOCATION", secrets.publicKey().toString());
        }
        env.put("BSS_LOG_JSON", "false");
        env.putAll(ServiceJvm.ENVIRONMENT);
        env.putAll(extra);
        Path jar = settings.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        ServiceProcess process = new ServiceProcess(name, jar, port, env, settings.logs().resolve(name + ".log"));
        services.add(process);
        return process;
    }

    @Override
    public void close() {
        // all at once: a service training its AOT cache writes it while it stops, and they write in parallel
        services.forEach(ServiceProcess::askToStop);
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
        }
    }
}
