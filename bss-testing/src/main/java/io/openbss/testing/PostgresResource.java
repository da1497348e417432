package io.openbss.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for a service's tests: an embedded server (zonky binaries, data under
 * {@code target/}), or a new database on the server that {@code BSS_TEST_PG_URL} points at
 * ({@code postgresql://user:password@host:port/db}), dropped afterwards.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres embedded;
    private ExternalDatabase external;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("BSS_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            external = ExternalDatabase.create(url);
            return config(external.host(), external.port(), external.database(), external.user(), external.password());
        }
        try {
            File work = new File("target/embedded-pg");
            work.mkdirs();
            embedded = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
        return config("localhost", embedded.getPort(), "postgres", "postgres", "postgres");
    }

    @Override
    public void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            }
            if (external != null) {
                external.drop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> config(String host, int port, String db, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + db,
                "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + db,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    record ExternalDatabase(String host, int port, String adminDatabase, String database, String user,
            String password) {

        static ExternalDatabase create(String url) {
            java.net.URI uri = java.net.URI.create(url.replaceFirst("^jdbc:", ""));
            String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
            String admin = uri.getPath() == null || uri.getPath().length() < 2 ? "postgres" : uri.getPath().substring(1);
            ExternalDatabase db = new ExternalDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), admin,
                    "bss_test_" + UUID.randomUUID().toString().replace("-", ""), userInfo[0],
                    userInfo.length > 1 ? userInfo[1] : "");
            db.execute("CREATE DATABASE " + db.database);
            return db;
        }

        void drop() {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }

        private void execute(String sql) {
            String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + adminDatabase;
            try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
                c.createStatement().execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("BSS_TEST_PG_URL: " + e.getMessage(), e);
            }
        }
    }
}
