package io.openbss.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTest {

    @TempDir
    Path home;

    private Path app;

    @BeforeEach
    void setUp() throws Exception {
        app = Files.createDirectories(home.resolve("billing-service/target/quarkus-app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("lib/main/dependency.jar"), "dependency");
    }

    @Test
    void aFirstRunTrainsTheCacheAndLaterRunsStartFromIt() throws Exception {
        ServiceJvm jvm = new ServiceJvm(home.resolve("aot"), true);
        List<String> first = jvm.options(app, List.of());
        assertThat(first).containsAll(ServiceJvm.OPTIONS);
        String output = aotOption(first);
        assertThat(output).startsWith("-XX:AOTCacheOutput=" + home.resolve("aot").resolve("billing-service-"));
        assertThat(ServiceJvm.training(first)).isTrue();
        assertThat(first).containsSequence(ServiceJvm.WITHOUT_TRAINING_PROFILES);

        Files.writeString(Path.of(output.substring(output.indexOf('=') + 1)), "the cache the JVM wrote at exit");
        List<String> later = jvm.options(app, List.of());
        assertThat(aotOption(later)).isEqualTo("-XX:AOTCache=" + output.substring(output.indexOf('=') + 1));
        assertThat(ServiceJvm.training(later)).isFalse();
    }

    @Test
    void aRebuildTrainsANewCacheAndRemovesTheOldOne() throws Exception {
        ServiceJvm jvm = new ServiceJvm(home.resolve("aot"), true);
        Path old = Path.of(cacheOf(aotOption(jvm.options(app, List.of()))));
        Files.writeString(old, "cache of the previous build");
        Files.setLastModifiedTime(app.resolve("lib/main/dependency.jar"), FileTime.from(Instant.now().plusSeconds(60)));

        String rebuilt = aotOption(jvm.options(app, List.of()));
        assertThat(rebuilt).startsWith("-XX:AOTCacheOutput=");
        assertThat(cacheOf(rebuilt)).isNotEqualTo(old.toString());
        assertThat(old).doesNotExist();
    }

    @Test
    void aCallersOwnAotOptionsOrTheSettingOffLeaveTheCacheOut() {
        ServiceJvm jvm = new ServiceJvm(home.resolve("aot"), true);
        List<String> plain = jvm.options(app, List.of("-XX:AOTMode=off"));
        assertThat(plain).filteredOn(option -> option.startsWith("-XX:AOT")).containsExactly("-XX:AOTMode=off");
        assertThat(new ServiceJvm(home.resolve("aot"), false).options(app, List.of()))
                .noneMatch(option -> option.startsWith("-XX:AOT"));
    }

    @Test
    void theSupervisorTrainsACacheOfItsClassPathAndANewBuildOfItTrainsAnother() throws Exception {
        Path launcherJar = Files.writeString(home.resolve("bss-launcher.jar"), "launcher");
        List<Path> classPath = List.of(launcherJar, app.resolve("lib/main/dependency.jar"), home.resolve("missing"));
        ServiceJvm jvm = new ServiceJvm(home.resolve("aot"), true);
        String first = aotOption(jvm.supervisorOptions(classPath));
        assertThat(first).startsWith("-XX:AOTCacheOutput=" + home.resolve("aot").resolve("supervisor-"));

        Files.writeString(Path.of(cacheOf(first)), "the cache the supervisor wrote at exit");
        assertThat(jvm.supervisorOptions(classPath)).containsExactly("-XX:AOTCache=" + cacheOf(first));

        Files.writeString(launcherJar, "the launcher rebuilt");
        String rebuilt = aotOption(jvm.supervisorOptions(classPath));
        assertThat(rebuilt).startsWith("-XX:AOTCacheOutput=").isNotEqualTo(first);
        assertThat(Path.of(cacheOf(first))).doesNotExist();
        assertThat(new ServiceJvm(home.resolve("aot"), false).supervisorOptions(classPath)).isEmpty();
    }

    @Test
    void theConsoleCompilesWithC1OnlyTheServicesWithC2AndOrdersAndBillingOnlyWhatTheyRunMost() throws Exception {
        ServiceJvm jvm = new ServiceJvm(home.resolve("aot"), false);
        for (String module : List.of("gateway", "billing-service", "orders-service", "enterprise-service", "console")) {
            Path packaged = Files.createDirectories(home.resolve(module + "/target/quarkus-app"));
            List<String> options = jvm.options(packaged, List.of());
            assertThat(options).as(module).matches(o -> o.containsAll(ServiceJvm.C1_ONLY) == module.equals("console"));
            assertThat(options.stream().filter(o -> o.startsWith("-XX:CompileThresholdScaling=")).toList()).as(module)
                    .isEqualTo(switch (module) {
                        case "orders-service" -> List.of("-XX:CompileThresholdScaling=10");
                        case "billing-service" -> List.of("-XX:CompileThresholdScaling=5");
                        default -> List.of();
                    });
        }
    }

    @Test
    void billingsAndOrdersHeapsAreCappedLowerThanTheOthers() throws Exception {
        ServiceJvm jvm = new ServiceJvm(home.resolve("aot"), false);
        for (String module : List.of("gateway", "billing-service", "orders-service", "enterprise-service", "console")) {
            Path packaged = Files.createDirectories(home.resolve(module + "/target/quarkus-app"));
            List<String> caps = jvm.options(packaged, List.of()).stream().filter(o -> o.startsWith("-Xmx")).toList();
            assertThat(caps).as(module).containsExactly(module.equals("billing-service")
                    || module.equals("orders-service") ? "-Xmx64m" : "-Xmx128m");
        }
    }

    private static String aotOption(List<String> options) {
        return options.stream().filter(option -> option.startsWith("-XX:AOTCache")).findFirst().orElseThrow();
    }

    private static String cacheOf(String option) {
        return option.substring(option.indexOf('=') + 1);
    }
}
