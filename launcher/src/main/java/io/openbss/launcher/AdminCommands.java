package io.openbss.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code ./bss admin} and {@code ./bss clock}: the running platform's admin API, with its admin token. */
final class AdminCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminCommands() {
    }

    /** The methods the admin API answers. */
    enum Method { GET, POST, PUT, DELETE }

    @Command(name = "admin", description = {"call the admin API with the admin token: accounts, users, passwords, "
            + "policies, AK/SK pairs (create, disable, rotate), tokens (list, revoke); see README.md",
            "Upstream links (docs/upstream-mode.md): ./bss admin link, unlink, links.",
            "With BSS_ADMIN_URL and BSS_ADMIN_TOKEN set, another platform's admin API (a cluster's, port-forwarded)."},
            subcommands = {Link.class, Unlink.class, Links.class},
            customSynopsis = "./bss admin <method> <path> [<JSON>]   or   ./bss admin <command>")
    static final class Admin implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        // optional to picocli only, which would otherwise ask them of ./bss admin link too
        @Parameters(index = "0", arity = "0..1", paramLabel = "<method>",
                description = "one of ${COMPLETION-CANDIDATES}")
        Method method;

        @Parameters(index = "1", arity = "0..1", paramLabel = "<path>",
                description = "starts with /admin/, e.g. /admin/v1/domains")
        String path;

        @Parameters(index = "2", arity = "0..1", paramLabel = "<JSON>", converter = JsonBody.class,
                description = "the request body")
        JsonNode body;

        @Override
        public Integer call() throws IOException {
            if (method == null || path == null) {
                throw new ParameterException(spec.commandLine(), "Missing required parameters: "
                        + (method == null ? "'<method>', " : "") + "'<path>' (or a command: link, unlink, links)");
            }
            if (!path.startsWith("/admin/")) {
                throw new ParameterException(spec.commandLine(), "<path> must start with /admin/, not " + path);
            }
            Optional<AdminClient> admin = RunningPlatform.admin(LocalSettings.current());
            if (admin.isEmpty()) {
                return 1;
            }
            AdminClient.Answer answer = admin.get().send(method.name(), path, body);
            System.out.println("HTTP " + answer.status());
            if (!answer.body().isNull()) {
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()));
            }
            return answer.ok() ? 0 : 1;
        }
    }

    @Command(name = "link", description = {"link an account to an upstream account (a real BSS or the stand-in): "
            + "its calls are then served by the upstream, with this credential; again: rotate the credential",
            "The upstream secret key is read from the environment variable BSS_UPSTREAM_SK, never from the command "
                    + "line, and never printed."})
    static final class Link implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "<account>", description = "the local account: its name (demo-enterprise, ...) or "
                + "domain id")
        String account;

        @Option(names = "--endpoint", paramLabel = "URL", converter = UpstreamEndpoint.class,
                description = "the upstream BSS (default: https://bss.myhuaweicloud.com)")
        URI endpoint;

        @Option(names = "--ak", paramLabel = "AK", required = true, description = "the upstream account's access key")
        String accessKey;

        @Option(names = "--domain-id", paramLabel = "ID", required = true,
                description = "the upstream account's domain id")
        String upstreamDomainId;

        /** Caught so that a secret key typed here is refused without being repeated, unlike an unknown option. */
        @Option(names = "--sk", hidden = true)
        String secretKeyOnTheCommandLine;

        /** Where the secret key comes from (a test gives its own). */
        Map<String, String> environment = System.getenv();

        @Override
        public Integer call() {
            if (secretKeyOnTheCommandLine != null) {
                throw new ParameterException(spec.commandLine(), "the upstream secret key is never given on the "
                        + "command line (it would stay in the shell's history): set "
                        + UpstreamCredential.SECRET_KEY_VARIABLE);
            }
            if (!UpstreamCredential.missing(environment, UpstreamCredential.SECRET_KEY_VARIABLE).isEmpty()) {
                spec.commandLine().getErr().println("bss: the upstream secret key goes in the environment variable "
                        + UpstreamCredential.SECRET_KEY_VARIABLE + ", which is not set");
                spec.commandLine().getErr().flush();
                return 2;
            }
            Optional<AdminClient> admin = RunningPlatform.admin(LocalSettings.current());
            if (admin.isEmpty()) {
                return 1;
            }
            UpstreamLinks links = new UpstreamLinks(admin.get());
            String domainId = links.domainId(account);
            JsonNode view = links.link(domainId, new UpstreamCredential(endpoint, accessKey,
                    environment.get(UpstreamCredential.SECRET_KEY_VARIABLE), upstreamDomainId));
            System.out.println("Linked " + account + " (" + domainId + ") -> upstream domain "
                    + view.path("upstream_domain_id").asText() + " at " + view.path("endpoint").asText()
                    + " (access key " + view.path("access_key").asText() + ").");
            return 0;
        }
    }

    @Command(name = "unlink", description = "unlink an account: its calls are served locally again")
    static final class Unlink implements Callable<Integer> {

        @Parameters(paramLabel = "<account>", description = "the local account: its name or domain id")
        String account;

        @Override
        public Integer call() {
            Optional<AdminClient> admin = RunningPlatform.admin(LocalSettings.current());
            if (admin.isEmpty()) {
                return 1;
            }
            UpstreamLinks links = new UpstreamLinks(admin.get());
            String domainId = links.domainId(account);
            if (!links.unlink(domainId)) {
                System.out.println(account + " (" + domainId + ") is not linked.");
                return 1;
            }
            System.out.println("Unlinked " + account + " (" + domainId + "): its calls are served locally again.");
            return 0;
        }
    }

    @Command(name = "links", description = "the upstream links: local account, upstream endpoint, access key and "
            + "domain id (never a secret key)")
    static final class Links implements Callable<Integer> {

        @Override
        public Integer call() {
            LocalSettings settings = LocalSettings.current();
            Optional<AdminClient> admin = RunningPlatform.admin(settings);
            if (admin.isEmpty()) {
                return 1;
            }
            List<JsonNode> links = new UpstreamLinks(admin.get()).all();
            if (links.isEmpty()) {
                System.out.println("No account is linked to an upstream (./bss admin link links one).");
                return 0;
            }
            Map<String, String> demoNames = demoNames(settings);
            String row = "%-34s %-17s %-34s %-22s %-34s %s%n";
            System.out.printf(row, "DOMAIN_ID", "ACCOUNT", "ENDPOINT", "ACCESS_KEY", "UPSTREAM_DOMAIN_ID",
                    "UPDATED_AT");
            for (JsonNode link : links) {
                String domainId = link.path("domain_id").asText();
                System.out.printf(row, domainId, demoNames.getOrDefault(domainId, "-"), link.path("endpoint").asText(),
                        link.path("access_key").asText(), link.path("upstream_domain_id").asText(),
                        link.path("updated_at").asText());
            }
            return 0;
        }

        /** The demo accounts' names by domain id, from the demo env file (other accounts show no name). */
        private static Map<String, String> demoNames(LocalSettings settings) {
            DemoCredentials demo = DemoCredentials.read(settings.demoEnvFile());
            Map<String, String> names = new HashMap<>();
            for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
                String id = demo.get(account.envPrefix() + "DOMAIN_ID");
                if (id != null) {
                    names.put(id, account.name());
                }
            }
            return names;
        }
    }

    /** A request body as the admin API takes it: JSON. */
    static final class JsonBody implements ITypeConverter<JsonNode> {

        @Override
        public JsonNode convert(String value) {
            try {
                return JSON.readTree(value);
            } catch (JsonProcessingException e) {
                throw new TypeConversionException("not JSON: " + e.getOriginalMessage());
            }
        }
    }

    @Command(name = "clock", description = {"show the sandbox's business time, or move it forward (then run the "
            + "resource lifecycle: auto-renewals, expiries, deletions), or back to real time"})
    static final class Clock implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "+<n>d|+<n>h|reset", converter = ClockChange.Reading.class,
                description = "+<n>d or +<n>h: that much later (n up to 99999); reset: real time again")
        ClockChange change;

        @Override
        public Integer call() {
            Optional<AdminClient> admin = RunningPlatform.admin(LocalSettings.current());
            if (admin.isEmpty()) {
                return 1;
            }
            SandboxClock clock = new SandboxClock(admin.get());
            if (change != null && change.reset()) {
                clock.offset(Duration.ZERO);
            } else if (change != null) {
                clock.offset(clock.offset().plus(change.forward()));
                clock.runLifecycle();
            }
            long hours = clock.offset().toHours();
            System.out.println("Business time " + clock.now() + " (UTC), " + Math.abs(hours) + " h "
                    + (hours < 0 ? "behind" : "ahead of") + " real time; the gateway keeps real time.");
            return 0;
        }
    }

    /** What {@code ./bss clock} is asked: move business time forward by {@code forward}, or reset it. */
    record ClockChange(boolean reset, Duration forward) {

        /** Reads {@code +6d}, {@code +12h} or {@code reset}. */
        static final class Reading implements ITypeConverter<ClockChange> {

            private static final Pattern FORWARD = Pattern.compile("\\+(\\d{1,5})([dh])");

            @Override
            public ClockChange convert(String value) {
                if (value.equals("reset")) {
                    return new ClockChange(true, Duration.ZERO);
                }
                Matcher forward = FORWARD.matcher(value);
                if (!forward.matches()) {
                    throw new TypeConversionException("expected +<n>d, +<n>h or reset, not '" + value + "'");
                }
                long amount = Long.parseLong(forward.group(1));
                return new ClockChange(false, forward.group(2).equals("d") ? Duration.ofDays(amount)
                        : Duration.ofHours(amount));
            }
        }
    }
}
