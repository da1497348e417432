package io.openbss.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./bss build}, {@code test}, {@code bench} and {@code chaos}: the bss script runs these itself, since they
 * build the modules and so rewrite the launcher's own jar. They are declared here for {@code --help}, completion and
 * the list of commands; the script hands {@code --help} to the launcher, and has it check chaos's options.
 */
final class ScriptCommands {

    private ScriptCommands() {
    }

    /** What the launcher does when run without the script: says how to run the command. */
    abstract static class RunByScript implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new LauncherException("the bss script runs " + spec.name() + " itself: ./bss " + spec.name());
        }
    }

    @Command(name = "build", modelTransformer = PassThrough.class, description = {"build all modules (skipping tests)",
            "Example: ./bss build -pl gateway -am"})
    static final class Build extends RunByScript {

        @Parameters(paramLabel = "<maven-argument>", parameterConsumer = PassThrough.class,
                description = "passed on to Maven")
        List<String> mavenArguments = new ArrayList<>();
    }

    @Command(name = "test", modelTransformer = PassThrough.class, description = {"run every test (what CI runs)",
            "Example: ./bss test -pl launcher -am"})
    static final class Test extends RunByScript {

        @Parameters(paramLabel = "<maven-argument>", parameterConsumer = PassThrough.class,
                description = "passed on to Maven")
        List<String> mavenArguments = new ArrayList<>();
    }

    @Command(name = "bench", modelTransformer = PassThrough.class, description = {"run the benchmarks on generated "
            + "data and print their figures (bench/README.md)",
            "Example: ./bss bench ledger --customers 500 --requests 5000"})
    static final class Bench extends RunByScript {

        @Parameters(paramLabel = "<argument>", parameterConsumer = PassThrough.class,
                completionCandidates = Benchmarks.class, description = "the benchmark "
                + "(${COMPLETION-CANDIDATES}; all unless given), then its options such as --customers N --lines N "
                + "--requests N, passed on to the benchmarks")
        List<String> arguments = new ArrayList<>();
    }

    /** The benchmarks by name, for shell completion. */
    static final class Benchmarks implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return List.of("bills", "ledger", "resources", "payments", "gateway", "startup", "all").iterator();
        }
    }

    /**
     * The script runs ChaosIT with the system properties that this command prints for the options it was given
     * (checked here like any command's).
     */
    @Command(name = "chaos", description = {"kill each component in turn under a money workload (ChaosIT, on a "
            + "platform of its own) and check that no answered write was lost or doubled"})
    static final class Chaos implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--kills", split = ",", paramLabel = "<process>", description = "the components to kill, in "
                + "turn, of ${COMPLETION-CANDIDATES} (default: all but the console, which holds no money)")
        List<PlatformProcess> kills = Arrays.stream(PlatformProcess.values())
                .filter(process -> process != PlatformProcess.CONSOLE).toList();

        private int writes = 100;

        @Option(names = "--writes", paramLabel = "N", description = "answered writes between two kills (default: 100)")
        void writes(int value) {
            if (value < 1) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--writes': expected a "
                        + "positive number, not " + value);
            }
            writes = value;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().println("-Dchaos.kills=" + kills.stream().map(PlatformProcess::toString)
                    .collect(Collectors.joining(",")) + " -Dchaos.writes=" + writes);
            return 0;
        }
    }
}
