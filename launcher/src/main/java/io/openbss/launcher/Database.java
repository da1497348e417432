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
import java.util.Optional;

/**
 * The platform's PostgreSQL: an embedded server (zonky binaries from Maven Central, data kept in a directory) or
 * an external one given by URL ({@code postgresql://user:password@host:port/database}).
 */
public final class Database implements AutoCloseable {

    public static final String DATABASE = "openbss";

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String name;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, String host, int port, String name, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    public static Database start(Optional<String> externalUrl, Path dataDirectory, int port) {
        if (externalUrl.isPresent()) {
            URI uri = URI.create(externalUrl.get().replaceFirst("^jdbc:", ""));
            String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres", ""}
                    : uri.getUserInfo().split(":", 2);
            String db = uri.getPath() == null || uri.getPath().length() < 2 ? DATABASE : uri.getPath().substring(1);
            return new Database(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, userInfo[0],
                    userInfo.length > 1 ? userInfo[1] : "");
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(dataDirectory.getParent().resolve("pg-binaries").toFile())
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", System.getProperty("bss.pg.shared-buffers",
                            System.getenv().getOrDefault("BSS_PG_SHARED_BUFFERS", "128MB")))
                    .start();
            Database database = new Database(pg, "127.0.0.1", port, DATABASE, "postgres", "postgres");
            database.createIfMissing();
            return database;
        } catch (IOException e) {
            throw new LauncherException("could not start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    private void createIfMissing() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                user, password);
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

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
