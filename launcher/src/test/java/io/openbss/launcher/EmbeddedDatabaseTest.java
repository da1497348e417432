package io.openbss.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openbss.testing.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL as ./bss up starts it: every connection must give the generated password. */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void aNewDatabaseRefusesAWrongPasswordAndAcceptsTheGeneratedOne() throws Exception {
        Secrets secrets = Secrets.loadOrCreate(home);
        String password = Files.readString(secrets.databasePasswordFile()).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        try (Database db = start(secrets)) {
            assertThat(db.password()).isEqualTo(password);
            assertConnects(db, password);
            assertRefused(db, "postgres");
            assertRefused(db, password + "x");
            assertThat(authMethods(db, password)).containsOnly("local scram-sha-256", "host scram-sha-256");
        }
        assertThat(Database.trusts(home.resolve("pgdata"))).isFalse();
    }

    @Test
    void everyAnsweredCommitSurvivesAKillOfPostgres() throws Exception {
        Secrets secrets = Secrets.loadOrCreate(home);
        Path pgdata = home.resolve("pgdata");
        int port = FreePorts.take();
        int answered = 0;
        try (Database db = Database.start(Optional.empty(), pgdata, port, secrets.databasePasswordFile());
                Connection c = connect(db, db.password())) {
            c.createStatement().execute("CREATE TABLE answered (n INT PRIMARY KEY)");
            // each insert is committed and answered before the next; PostgreSQL is killed right after the last
            try (var insert = c.prepareStatement("INSERT INTO answered VALUES (?)")) {
                for (int n = 1; n <= 2000; n++) {
                    insert.setInt(1, n);
                    insert.executeUpdate();
                    answered = n;
                }
            }
            long postmaster = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).getFirst().strip());
            ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
            assertThat(process.destroyForcibly()).isTrue();
            process.onExit().get();
        }
        try (Database again = Database.start(Optional.empty(), pgdata, port, secrets.databasePasswordFile());
                Connection c = connect(again, again.password());
                ResultSet count = c.createStatement().executeQuery("SELECT count(*), max(n) FROM answered")) {
            count.next();
            assertThat(count.getInt(1)).as("answered commits found after the kill").isEqualTo(answered);
            assertThat(count.getInt(2)).isEqualTo(answered);
        }
    }

    @Test
    void aDataDirectoryMadeWithTrustByAnOlderVersionIsUpgradedInPlace() throws Exception {
        Path pgdata = home.resolve("pgdata");
        int port = FreePorts.take();
        trustingDataDirectory(pgdata, port);
        assertThat(Database.trusts(pgdata)).isTrue();

        Secrets secrets = Secrets.loadOrCreate(home);
        String password = Files.readString(secrets.databasePasswordFile()).strip();
        try (Database db = Database.start(Optional.empty(), pgdata, port, secrets.databasePasswordFile())) {
            assertRefused(db, "anything");
            assertRefused(db, "postgres");
            assertThat(rows(db, password)).containsExactly("kept");
            assertThat(authMethods(db, password)).containsOnly("local scram-sha-256", "host scram-sha-256");
        }
        assertThat(Database.trusts(pgdata)).isFalse();
        try (Database again = Database.start(Optional.empty(), pgdata, port, secrets.databasePasswordFile())) {
            assertRefused(again, "anything");
            assertThat(rows(again, password)).containsExactly("kept");
        }
    }

    @Test
    void aDataDirectoryWhosePasswordFileWasLostIsRefusedWithAMessageNamingTheFile() throws Exception {
        Secrets secrets = Secrets.loadOrCreate(home);
        int port = FreePorts.take();
        try (Database db = Database.start(Optional.empty(), home.resolve("pgdata"), port,
                secrets.databasePasswordFile())) {
            assertConnects(db, db.password());
        }
        Files.delete(secrets.databasePasswordFile());
        Secrets other = Secrets.loadOrCreate(home);

        assertThatThrownBy(() -> Database.start(Optional.empty(), home.resolve("pgdata"), port,
                other.databasePasswordFile()))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("refused the password in " + other.databasePasswordFile())
                .hasMessageContaining("delete " + home.resolve("pgdata"));
        assertThat(Files.exists(home.resolve("pgdata/postmaster.pid"))).as("PostgreSQL stopped again").isFalse();
    }

    private Database start(Secrets secrets) throws IOException {
        return Database.start(Optional.empty(), home.resolve("pgdata"), FreePorts.take(), secrets.databasePasswordFile());
    }

    /** A data directory as the older launcher made it: the library's initdb, trust, any password let in. */
    private static void trustingDataDirectory(Path pgdata, int port) throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setOverrideWorkingDirectory(pgdata.resolveSibling("pg-binaries")
                        .toFile()).setPort(port).start()) {
            try (Connection c = old.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE " + Database.DATABASE);
            }
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
                    + Database.DATABASE, "postgres", "anything")) {
                c.createStatement().execute("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('kept')");
            }
        }
    }

    private static Connection connect(Database db, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name(),
                db.user(), password);
    }

    private static void assertConnects(Database db, String password) throws SQLException {
        try (Connection c = connect(db, password); ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    private static void assertRefused(Database db, String password) {
        assertThatThrownBy(() -> connect(db, password).close()).as("password %s", password)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    /** The server's own reading of pg_hba.conf: connection type and method of every rule. */
    private static List<String> authMethods(Database db, String password) throws SQLException {
        List<String> methods = new ArrayList<>();
        try (Connection c = connect(db, password); ResultSet rs = c.createStatement().executeQuery(
                "SELECT type, auth_method, error FROM pg_hba_file_rules")) {
            while (rs.next()) {
                assertThat(rs.getString("error")).isNull();
                methods.add(rs.getString("type") + " " + rs.getString("auth_method"));
            }
        }
        assertThat(methods).isNotEmpty().contains("local scram-sha-256");
        return methods;
    }

    private static List<String> rows(Database db, String password) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(db, password);
             ResultSet rs = c.createStatement().executeQuery("SELECT value FROM kept")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
