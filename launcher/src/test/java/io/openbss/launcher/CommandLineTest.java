package io.openbss.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What ./bss makes of a command line: the command it runs and with which values, or a usage error (exit 2). */
class CommandLineTest {

    private record Outcome(int exit, String out, String err) {
    }

    @Test
    void theCommandsAreTheDocumentedOnes() {
        assertThat(Main.commandNames()).containsExactly("up", "down", "status", "restart", "call", "admin", "clock",
                "audit", "reconcile", "chaos", "build", "test", "bench", "completion", "help");
    }

    @Test
    void commandsWithoutArgumentsReachTheirCommand() {
        assertThat(this.<Object>command("up")).isInstanceOf(UpCommand.class);
        assertThat(this.<Object>command("down")).isInstanceOf(PlatformCommands.Down.class);
        assertThat(this.<Object>command("status")).isInstanceOf(StatusCommand.class);
        assertThat(this.<Object>command("supervise")).isInstanceOf(PlatformCommands.Supervise.class);
        assertThat(this.<Object>command("completion")).isInstanceOf(CompletionCommand.class);
        assertThat(this.<Object>command("help", "restart")).isInstanceOf(HelpCommand.class);
    }

    @Test
    void restartTakesAProcessByName() {
        assertThat(this.<PlatformCommands.Restart>command("restart", "gateway").process)
                .isEqualTo(PlatformProcess.GATEWAY);
        assertThat(this.<PlatformCommands.Restart>command("restart", "billing-service").process)
                .isEqualTo(PlatformProcess.BILLING_SERVICE);
        assertThat(this.<PlatformCommands.Restart>command("restart", "postgresql").process)
                .isEqualTo(PlatformProcess.POSTGRESQL);
    }

    @Test
    void callPassesTheOperationsParametersOnInOrder() {
        CallCommand call = command("call", "ListCustomerOrders", "--limit", "5", "--order_by", "-createTime",
                "--as", "SUB1", "--status", "-header", "--X-Language", "en_US");
        assertThat(call.operation.name()).isEqualTo("ListCustomerOrders");
        assertThat(call.parameters).containsExactly("--limit", "5", "--order_by", "-createTime", "--status",
                "-header");
        assertThat(call.as).isEqualTo("SUB1");
        assertThat(call.language).isEqualTo("en_US");

        CallCommand signed = command("call", "UpdateSubEnterpriseAmount", "--body", "{\"amount\":\"10.00\"}",
                "--ak", "AK1", "--sk", "SK1", "--domain-id", "d1", "--endpoint", "http://127.0.0.1:18080");
        assertThat(signed.body).isEqualTo("{\"amount\":\"10.00\"}");
        assertThat(List.of(signed.accessKey, signed.secretKey, signed.domainIdOption, signed.endpointOption))
                .containsExactly("AK1", "SK1", "d1", "http://127.0.0.1:18080");
        assertThat(signed.parameters).isEmpty();
    }

    @Test
    void adminTakesAMethodAPathAndJson() {
        AdminCommands.Admin get = command("admin", "GET", "/admin/v1/tokens?domain_id=d1");
        assertThat(get.method).isEqualTo(AdminCommands.Method.GET);
        assertThat(get.path).isEqualTo("/admin/v1/tokens?domain_id=d1");
        assertThat(get.body).isNull();
        AdminCommands.Admin put = command("admin", "PUT", "/admin/v1/users/u1/policies", "{\"policies\":[\"a\"]}");
        assertThat(put.body.path("policies").get(0).asText()).isEqualTo("a");
    }

    @Test
    void upRunsTheStandInUpstreamOrLinksToAnUpstreamEndpoint() {
        UpCommand plain = command("up");
        assertThat(plain.upstream).isFalse();
        assertThat(plain.upstreamEndpoint).isNull();
        assertThat(this.<UpCommand>command("up", "--upstream").upstream).isTrue();
        assertThat(this.<UpCommand>command("up", "--upstream-endpoint", "https://bss.myhuaweicloud.com")
                .upstreamEndpoint).isEqualTo(URI.create("https://bss.myhuaweicloud.com"));
        assertThat(this.<UpCommand>command("up", "--upstream-endpoint", "http://127.0.0.1:19080")
                .upstreamEndpoint).isEqualTo(URI.create("http://127.0.0.1:19080"));
    }

    @Test
    void upToAnUpstreamEndpointWithoutItsAccountInTheEnvironmentExits2InOneLine() throws IOException {
        UpCommand up = command("up", "--upstream-endpoint", "https://bss.myhuaweicloud.com");
        up.environment = Map.of("BSS_UPSTREAM_AK", "AK1", "BSS_UPSTREAM_SK", " ");
        StringWriter err = new StringWriter();
        up.spec.commandLine().setErr(new PrintWriter(err, true));
        assertThat(up.call()).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString().startsWith("bss: ")
                .contains("BSS_UPSTREAM_SK, BSS_UPSTREAM_DOMAIN_ID not set").doesNotContain("BSS_UPSTREAM_AK");
    }

    @Test
    void adminLinksUnlinksAndListsUpstreamLinks() {
        AdminCommands.Link link = command("admin", "link", "demo-enterprise", "--endpoint",
                "https://bss.myhuaweicloud.com", "--ak", "AK1", "--domain-id", "up-1");
        assertThat(List.of(link.account, link.accessKey, link.upstreamDomainId))
                .containsExactly("demo-enterprise", "AK1", "up-1");
        assertThat(link.endpoint).isEqualTo(URI.create("https://bss.myhuaweicloud.com"));
        assertThat(this.<AdminCommands.Link>command("admin", "link", "d1", "--ak", "AK1", "--domain-id", "up-1")
                .endpoint).isNull();
        assertThat(this.<AdminCommands.Unlink>command("admin", "unlink", "demo-sub-dev").account)
                .isEqualTo("demo-sub-dev");
        assertThat(this.<Object>command("admin", "links")).isInstanceOf(AdminCommands.Links.class);
        assertThat(execute("admin", "link", "--help").out()).startsWith("usage: ./bss admin link [options] <account>")
                .contains("BSS_UPSTREAM_SK");
    }

    @Test
    void adminLinkWithoutTheSecretKeyInTheEnvironmentExits2InOneLine() {
        AdminCommands.Link link = command("admin", "link", "demo-enterprise", "--ak", "AK1", "--domain-id", "up-1");
        link.environment = Map.of();
        StringWriter err = new StringWriter();
        link.spec.commandLine().setErr(new PrintWriter(err, true));
        assertThat(link.call()).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString().startsWith("bss: ")
                .contains("BSS_UPSTREAM_SK");
    }

    @Test
    void anUpstreamSecretKeyIsSentButNeverShown() {
        UpstreamCredential credential = new UpstreamCredential(URI.create("https://bss.myhuaweicloud.com"), "AK1",
                "the-secret", "up-1");
        assertThat(credential.body()).containsEntry("secret_key", "the-secret").containsEntry("access_key", "AK1")
                .containsEntry("upstream_domain_id", "up-1").containsEntry("endpoint", "https://bss.myhuaweicloud.com");
        assertThat(credential.toString()).contains("AK1", "up-1").doesNotContain("the-secret");
        assertThat(new UpstreamCredential(null, "AK1", "the-secret", "up-1").body()).doesNotContainKey("endpoint");
        Outcome onTheCommandLine = execute("admin", "link", "d1", "--ak", "AK1", "--domain-id", "up-1", "--sk",
                "the-secret");
        assertThat(onTheCommandLine.exit()).isEqualTo(2);
        assertThat(onTheCommandLine.err()).contains("BSS_UPSTREAM_SK").doesNotContain("the-secret");
    }

    @Test
    void clockMovesForwardByDaysOrHoursOrResets() {
        assertThat(this.<AdminCommands.Clock>command("clock").change).isNull();
        assertThat(this.<AdminCommands.Clock>command("clock", "+6d").change)
                .isEqualTo(new AdminCommands.ClockChange(false, Duration.ofDays(6)));
        assertThat(this.<AdminCommands.Clock>command("clock", "+12h").change)
                .isEqualTo(new AdminCommands.ClockChange(false, Duration.ofHours(12)));
        assertThat(this.<AdminCommands.Clock>command("clock", "reset").change.reset()).isTrue();
    }

    @Test
    void auditTakesEveryFilterTyped() {
        Instant before = Instant.now();
        AuditCommand audit = command("audit", "--domain-id", "d1", "--user-id", "u1", "--access-key", "AK1",
                "--operation", "PayOrders", "--request-id", "r1", "--resource-id", "o1", "--result", "failure",
                "--since", "1h", "--until", "2025-01-31T08:00:00Z", "--limit", "20", "--offset", "40", "--json");
        assertThat(List.of(audit.domainId, audit.userId, audit.accessKey, audit.operation, audit.requestId,
                audit.resourceId)).containsExactly("d1", "u1", "AK1", "PayOrders", "r1", "o1");
        assertThat(audit.result).isEqualTo(AuditCommand.Result.FAILURE);
        assertThat(audit.since).isBetween(before.minus(Duration.ofHours(1)), Instant.now().minus(Duration.ofHours(1)));
        assertThat(audit.until).isEqualTo("2025-01-31T08:00:00Z");
        assertThat(audit.limit).isEqualTo(20);
        assertThat(audit.offset).isEqualTo(40);
        assertThat(audit.json).isTrue();
    }

    @Test
    void reconcileTakesMonths() {
        assertThat(this.<ReconcileCommand>command("reconcile").months()).isEqualTo(12);
        assertThat(this.<ReconcileCommand>command("reconcile", "--months", "3").months()).isEqualTo(3);
    }

    @Test
    void reconcileOnAGivenPlatformTakesItsArgumentsAsTheCommandLineDoes() {
        assertThat(new ReconcileCommand(new AdminClient("http://127.0.0.1:9", "token"), "http://127.0.0.1:9")
                .run(List.of("--months", "0"))).isEqualTo(2);
    }

    @Test
    void chaosAnswersChaosItsPropertiesForTheScript() {
        assertThat(execute("chaos").out()).isEqualTo("-Dchaos.kills=billing-service,orders-service,"
                + "enterprise-service,gateway,postgresql -Dchaos.writes=100\n");
        Outcome some = execute("chaos", "--kills", "billing-service,postgresql", "--writes", "40");
        assertThat(some.exit()).isZero();
        assertThat(some.out()).isEqualTo("-Dchaos.kills=billing-service,postgresql -Dchaos.writes=40\n");
        assertThat(execute("chaos", "--kills", "console").out()).startsWith("-Dchaos.kills=console ");
    }

    @Test
    void buildTestAndBenchPassTheirArgumentsOn() {
        assertThat(this.<ScriptCommands.Build>command("build", "-Dnative", "-Dquarkus.native.sources-only=true",
                "-pl", "gateway,billing-service", "-am").mavenArguments).containsExactly("-Dnative",
                "-Dquarkus.native.sources-only=true", "-pl", "gateway,billing-service", "-am");
        assertThat(this.<ScriptCommands.Test>command("test", "-pl", "launcher", "-am", "-Dtest=*", "-DskipITs")
                .mavenArguments).containsExactly("-pl", "launcher", "-am", "-Dtest=*", "-DskipITs");
        assertThat(this.<ScriptCommands.Bench>command("bench", "startup", "--runs", "3", "--aot", "quarkus")
                .arguments).containsExactly("startup", "--runs", "3", "--aot", "quarkus");
    }

    @Test
    void aBadCommandLineExits2NamingWhatIsWrongAndHowTheCommandIsUsed() {
        assertUsageError(List.of("nosuch"), "unknown command 'nosuch'", "usage: ./bss <command>");
        assertUsageError(List.of("statsu"), "unknown command 'statsu'", "Did you mean: ./bss status");
        assertUsageError(List.of("--bogus"), "Unknown option: '--bogus'", "usage: ./bss <command>");
        assertUsageError(List.of("status", "--bogus"), "Unknown option: '--bogus'", "usage: ./bss status ");
        assertUsageError(List.of("down", "now"), "'now'", "usage: ./bss down ");
        assertUsageError(List.of("restart", "nothing"), "<process>", "billing-service, orders-service, "
                + "enterprise-service, gateway, console, postgresql, not 'nothing'", "usage: ./bss restart <process>");
        assertUsageError(List.of("restart"), "<process>", "usage: ./bss restart <process>");
        assertUsageError(List.of("call"), "<Operation>", "usage: ./bss call [options] <Operation>");
        assertUsageError(List.of("call", "NoSuchOperation"), "<Operation>", "no operation NoSuchOperation");
        assertUsageError(List.of("call", "ListCustomerOrders", "--limit"), "expected --name value, got --limit");
        assertUsageError(List.of("call", "ListCustomerOrders", "limit", "5"), "expected --name value, got limit");
        assertUsageError(List.of("admin", "get", "/admin/v1/domains"), "<method>", "GET, POST, PUT, DELETE");
        assertUsageError(List.of("admin", "GET", "/v3/auth/tokens"), "<path> must start with /admin/");
        assertUsageError(List.of("admin", "POST", "/admin/v1/domains", "{bad"), "<JSON>", "not JSON");
        assertUsageError(List.of("up", "--upstream", "--upstream-endpoint", "https://bss.myhuaweicloud.com"),
                "--upstream and --upstream-endpoint exclude each other", "usage: ./bss up [options]");
        assertUsageError(List.of("up", "--upstream-endpoint", "bss.myhuaweicloud.com"), "--upstream-endpoint",
                "expected an http(s) URL", "not 'bss.myhuaweicloud.com'");
        assertUsageError(List.of("up", "--upstream-endpoint", "ftp://bss.myhuaweicloud.com"), "--upstream-endpoint");
        assertUsageError(List.of("up", "--upstream-endpoint", "https://bss.myhuaweicloud.com/v2"),
                "--upstream-endpoint", "URL of a host");
        assertUsageError(List.of("up", "--upstream-endpoint"), "--upstream-endpoint");
        assertUsageError(List.of("up", "--upstream=yes"), "--upstream");
        assertUsageError(List.of("admin", "link"), "<account>", "usage: ./bss admin link [options] <account>");
        assertUsageError(List.of("admin", "link", "d1", "--ak", "AK1"), "--domain-id");
        assertUsageError(List.of("admin", "link", "d1", "--domain-id", "up-1"), "--ak");
        assertUsageError(List.of("admin", "link", "d1", "--ak", "AK1", "--domain-id", "up-1", "--endpoint",
                "https://user:pw@bss.example.com"), "--endpoint", "expected an http(s) URL");
        assertUsageError(List.of("admin", "unlink"), "<account>", "usage: ./bss admin unlink <account>");
        assertUsageError(List.of("admin", "unlink", "d1", "d2"), "'d2'");
        assertUsageError(List.of("admin", "links", "d1"), "'d1'", "usage: ./bss admin links");
        assertUsageError(List.of("clock", "+1w"), "+<n>d|+<n>h|reset", "not '+1w'");
        assertUsageError(List.of("audit", "--since", "1w"), "--since", "not '1w'");
        assertUsageError(List.of("audit", "--until", "2025-01-31"), "--until");
        assertUsageError(List.of("audit", "--limit", "many"), "--limit", "'many' is not an int");
        assertUsageError(List.of("audit", "--result", "ok"), "--result", "success, failure, not 'ok'");
        assertUsageError(List.of("audit", "--domain-id"), "--domain-id");
        assertUsageError(List.of("reconcile", "--months", "0"), "--months", "1 to 999");
        assertUsageError(List.of("reconcile", "--months", "1000"), "--months", "1 to 999");
        assertUsageError(List.of("reconcile", "--months", "x"), "--months");
        assertUsageError(List.of("chaos", "--kills", "billing-service,gatewy"), "--kills", "not 'gatewy'");
        assertUsageError(List.of("chaos", "--writes", "0"), "--writes");
        assertUsageError(List.of("chaos", "--writes", "many"), "--writes");
    }

    @Test
    void everyCommandHasItsHelp() {
        Outcome all = execute("--help");
        assertThat(all.exit()).isZero();
        assertThat(all.out()).startsWith("usage: ./bss <command>").contains("configuration: environment variables");
        assertThat(execute().out()).isEqualTo(all.out());
        assertThat(execute("help").out()).isEqualTo(all.out());
        for (String name : Main.commandNames()) {
            assertThat(all.out()).as(name).containsPattern("\n  " + name + " ");
            for (List<String> asked : List.of(List.of(name, "--help"), List.of(name, "-h"), List.of("help", name))) {
                Outcome help = execute(asked.toArray(String[]::new));
                assertThat(help.exit()).as(asked.toString()).isZero();
                assertThat(help.out()).as(asked.toString()).startsWith("usage: ./bss " + name);
                assertThat(help.err()).as(asked.toString()).isEmpty();
            }
        }
        assertThat(all.out()).doesNotContain("supervise");
        assertThat(execute("restart", "--help").out()).startsWith("usage: ./bss restart <process>\n")
                .containsIgnoringWhitespaces("billing-service, orders-service, enterprise-service, gateway, console, "
                        + "postgresql");
        assertThat(execute("status", "--help").out()).contains("3   degraded");
        assertThat(execute("completion", "--help").out()).contains("source <(./bss completion)");
    }

    @Test
    void completionIsABashScriptForEveryCommandAndValue() {
        Outcome completion = execute("completion");
        assertThat(completion.exit()).isZero();
        assertThat(completion.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_bss")
                .contains("restart", "billing-service", "--months", "--kills", "ShowCustomerAccountBalances")
                .doesNotContain("supervise");
    }

    /** The command object that ./bss would run for these arguments, with its parsed values. */
    @SuppressWarnings("unchecked")
    private <T> T command(String... args) {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return (T) parsed.commandSpec().userObject();
    }

    private static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static void assertUsageError(List<String> args, String... said) {
        Outcome outcome = execute(args.toArray(String[]::new));
        assertThat(outcome.exit()).as(args.toString()).isEqualTo(2);
        assertThat(outcome.out()).as(args.toString()).isEmpty();
        assertThat(outcome.err()).as(args.toString()).startsWith("bss: ").contains(said);
        assertThat(outcome.err().lines().toList()).as(args.toString()).last().asString().startsWith("usage: ./bss");
    }
}
