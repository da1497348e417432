package io.openbss.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
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
            + "policies, AK/SK pairs (create, disable, rotate), tokens (list, revoke); see README.md"})
    static final class Admin implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<method>", description = "one of ${COMPLETION-CANDIDATES}")
        Method method;

        @Parameters(index = "1", paramLabel = "<path>", description = "starts with /admin/, e.g. /admin/v1/domains")
        String path;

        @Parameters(index = "2", arity = "0..1", paramLabel = "<JSON>", converter = JsonBody.class,
                description = "the request body")
        JsonNode body;

        @Override
        public Integer call() throws IOException {
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
