package io.openbss.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The platform's PostgreSQL: an embedded server (zonky binaries from Maven Central, data kept in a directory) or
 * an external one given by URL ({@code postgresql://user:password@host:port/database}). The embedded server's
 * superuser has the password of {@code $BSS_HOME/secrets/postgres.password}, which every connection must give.
 */
public final class Database implements AutoCloseable {

    public static final String DATABASE = "openbss";

    private static final String PG_HBA = """
            # Written by ./bss up: every connection, the local socket's too, gives the password of
            # $BSS_HOME/secrets/postgres.password.
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String name;
    private final String user;
    private final String password;
    private final ProcessHandle postmaster;

    private Database(EmbeddedPostgres embedded, String host, int port, String name, String user, String password,
            ProcessHandle postmaster) {
        this.embedded = embedded;
        this.postmaster = postmaster;
        this.host = host;
        this.port = port;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /**
     * Whether the embedded PostgreSQL commits durably (fsync, synchronous_commit and full_page_writes on): yes,
     * unless {@code BSS_PG_FAST=true} (or {@code -Dbss.pg.fast=true}) trades that for speed in a throwaway sandbox,
     * where a crash of PostgreSQL or of the machine loses the writes of the last moments, answered or not.
     */
    public static boolean durable() {
        return !Boolean.parseBoolean(System.getProperty("bss.pg.fast", System.getenv().getOrDefault("BSS_PG_FAST",
                "false")));
    }

    public static Database start(Optional<String> externalUrl, Path dataDirectory, int port, Path passwordFile) {
        if (externalUrl.isPresent()) {
            URI uri = URI.create(externalUrl.get().replaceFirst("^jdbc:", ""));
            String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres", ""}
                    : uri.getUserInfo().split(":", 2);
            String db = uri.getPath() == null || uri.getPath().length() < 2 ? DATABASE : uri.getPath().substring(1);
            return new Database(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, userInfo[0],
                    userInfo.length > 1 ? userInfo[1] : "", null);
        }
        try {
            String password = Files.readString(passwordFile).strip();
            Files.createDirectories(dataDirectory);
            boolean trusting = Files.exists(dataDirectory.resolve("postgresql.conf")) && trusts(dataDirectory);
            EmbeddedPostgres pg;
            try {
                pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setOverrideWorkingDirectory(dataDirectory.getParent().resolve("pg-binaries").toFile())
                        .setPort(port)
                        // The library runs initdb with "-A trust" and then "--<key>=<value>" for each of these (its
                        // only way to pass initdb options): the later --auth wins, --pwfile sets the password.
                        .setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", passwordFile.toString())
                        .setConnectConfig("password", password)
                        // durable unless asked not to: a commit answered is on disk (the library's defaults
                        // turn all three off, and a crash of PostgreSQL lost writes already answered 200)
                        .setServerConfig("fsync", durable() ? "on" : "off")
                        .setServerConfig("synchronous_commit", durable() ? "on" : "off")
                        .setServerConfig("full_page_writes", durable() ? "on" : "off")
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("shared_buffers", System.getProperty("bss.pg.shared-buffers",
                                System.getenv().getOrDefault("BSS_PG_SHARED_BUFFERS", "128MB")))
                        .start();
            } catch (IOException e) {
                if (passwordRefused(e)) {
                    // The server runs, but the library gives up on it without stopping it.
                    stopPostmaster(dataDirectory);
                    throw new LauncherException("the embedded PostgreSQL in " + dataDirectory
                            + " refused the password in " + passwordFile + ": put back the file that belongs to this"
                            + " data, or delete " + dataDirectory + " to start again with an empty database", e);
                }
                throw e;
            }
            Database database = new Database(pg, "127.0.0.1", port, DATABASE, "postgres", password,
                    postmaster(dataDirectory));
            try {
                if (trusting) {
                    database.requirePassword(dataDirectory, passwordFile);
                }
                database.createIfMissing();
            } catch (LauncherException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (IOException e) {
            throw new LauncherException("could not start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether the data directory lets some connection in without a password (made by an older ./bss up). */
    static boolean trusts(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains("trust"));
    }

    /**
     * Upgrades a data directory an older version made with trust authentication: gives the superuser the password,
     * replaces pg_hba.conf, reloads, and waits until a wrong password is refused.
     */
    private void requirePassword(Path dataDirectory, Path passwordFile) {
        try (Connection c = connect("postgres", password); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE \"" + user + "\" PASSWORD '" + password.replace("'", "''") + "'");
            PrivateFiles.write(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new LauncherException("could not set the password of the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = connect("postgres", password + "-wrong")) {
                ServiceProcess.sleep(50);
            } catch (SQLException e) {
                if (passwordRefused(e)) {
                    System.out.println("The embedded PostgreSQL in " + dataDirectory + " now requires the password in "
                            + passwordFile + " (it trusted every local connection before).");
                    return;
                }
                throw new LauncherException("could not check the embedded PostgreSQL's new authentication: "
                        + e.getMessage(), e);
            }
        }
        throw new LauncherException("the embedded PostgreSQL in " + dataDirectory
                + " still accepts any password after pg_hba.conf was rewritten");
    }

    /** Whether the server said the password was wrong (SQLSTATE invalid_password). */
    private static boolean passwordRefused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "28P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The running server's postmaster, from the pid file it writes (pg_ctl, the library's child, has exited). */
    private static ProcessHandle postmaster(Path dataDirectory) throws IOException {
        long pid = postmasterPid(dataDirectory);
        return ProcessHandle.of(pid).orElseThrow(() -> new IOException("PostgreSQL (pid " + pid + ") has exited"));
    }

    /** The pid in the data directory's {@code postmaster.pid} (its first line). */
    static long postmasterPid(Path dataDirectory) throws IOException {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip());
        } catch (NumberFormatException | java.util.NoSuchElementException e) {
            throw new IOException("unreadable " + dataDirectory.resolve("postmaster.pid"), e);
        }
    }

    private static void stopPostmaster(Path dataDirectory) {
        try {
            ProcessHandle.of(postmasterPid(dataDirectory)).ifPresent(postmaster -> {
                postmaster.destroy();
                postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(ignored -> null).join();
            });
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the embedded PostgreSQL of " + dataDirectory + ": " + e.getMessage());
        }
    }

    private Connection connect(String database, String withPassword) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user,
                withPassword);
    }

    private void createIfMissing() {
        try (Connection c = connect("postgres", password);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                c.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new LauncherException("could not create the " + DATABASE + " database: " + e.getMessage(), e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** Whether the embedded server still runs (an external one is not ours to watch: always true). */
    public boolean alive() {
        return postmaster == null || postmaster.isAlive();
    }

    /** The embedded server's postmaster pid, or -1 for an external server. */
    public long pid() {
        return postmaster == null ? -1 : postmaster.pid();
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
