package io.openbss.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code ./bss}: run the local platform and call it. Each command is a picocli command of its own. */
@Command(name = "./bss", scope = ScopeType.INHERIT, synopsisHeading = "usage: ", synopsisSubcommandLabel = "<command>",
        descriptionHeading = "%n", parameterListHeading = "%nParameters:%n", optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n", footer = "%nconfiguration: environment variables, see README.md",
        description = "Run the local OpenBSS platform and call it.",
        subcommands = {UpCommand.class, PlatformCommands.Down.class, StatusCommand.class,
                PlatformCommands.Restart.class, CallCommand.class, AdminCommands.Admin.class, AdminCommands.Clock.class,
                AuditCommand.class, ReconcileCommand.class, ScriptCommands.Chaos.class, ScriptCommands.Build.class,
                ScriptCommands.Test.class, ScriptCommands.Bench.class, CompletionCommand.class, HelpCommand.class,
                PlatformCommands.Supervise.class})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "print this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The commands that {@code ./bss --help} lists (not {@code supervise}, the supervisor's own). */
    public static Set<String> commandNames() {
        Set<String> names = new LinkedHashSet<>();
        commandLine().getSubcommands().forEach((name, command) -> {
            if (!command.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
            }
        });
        return Collections.unmodifiableSet(names);
    }

    /** The whole command line of {@code ./bss}, ready to execute. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main())
                // an argument starting with @ is a value (a JSON body, say), not a file of arguments
                .setExpandAtFiles(false)
                // as the hand-written parsing did: an option given twice takes its last value
                .setOverwrittenOptionsAllowed(true)
                .registerConverter(PlatformProcess.class, new Choice<>(PlatformProcess.class))
                .registerConverter(AuditCommand.Result.class, new Choice<>(AuditCommand.Result.class))
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler(Main::failure);
        useShortSynopses(commandLine);
        return commandLine;
    }

    /** {@code ./bss} alone: the list of commands. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** A command line that ./bss does not take: why, in one line, and how the command is used; exit status 2. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        CommandSpec spec = command.getCommandSpec();
        PrintWriter err = command.getErr();
        String why = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && spec.parent() == null && !unmatched.isUnknownOption()) {
            why = "unknown command '" + unmatched.getUnmatched().getFirst() + "'";
        }
        err.println("bss: " + why);
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("usage: " + synopsis(spec) + "   (" + spec.qualifiedName() + " --help for more)");
        err.flush();
        return spec.exitCodeOnInvalidInput();
    }

    /** A command that failed: what the user must fix, without a stack trace; exit status 1 (130 if interrupted). */
    private static int failure(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        switch (e) {
            case LauncherException launcher -> command.getErr().println("bss: " + launcher.getMessage());
            case IOException io -> command.getErr().println("bss: " + io);
            case InterruptedException interrupted -> {
                Thread.currentThread().interrupt();
                return 130;
            }
            default -> throw e;
        }
        command.getErr().flush();
        return 1;
    }

    /** Every command's usage starts "usage: ./bss restart <process>": options are listed below it, not in it. */
    private static void useShortSynopses(CommandLine command) {
        command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_SYNOPSIS,
                help -> synopsis(help.commandSpec()) + System.lineSeparator());
        command.getSubcommands().values().forEach(Main::useShortSynopses);
    }

    /**
     * The command, "[options]" when it has some besides --help, its parameters, "<command>" if it has some; or its
     * own synopsis, for a command whose parameters and subcommands are alternatives.
     */
    private static String synopsis(CommandSpec command) {
        if (command.usageMessage().customSynopsis().length > 0) {
            return command.usageMessage().customSynopsis()[0];
        }
        StringBuilder synopsis = new StringBuilder(command.qualifiedName());
        if (command.options().stream().anyMatch(option -> !option.usageHelp() && !option.hidden())) {
            synopsis.append(" [options]");
        }
        Help help = command.commandLine().getHelp();
        command.positionalParameters().stream().filter(parameter -> !parameter.hidden())
                .forEach(parameter -> synopsis.append(' ').append(help.parameterLabelRenderer()
                        .renderParameterLabel(parameter, Help.Ansi.OFF, List.of())));
        if (!command.subcommands().isEmpty()) {
            synopsis.append(' ').append(command.usageMessage().synopsisSubcommandLabel());
        }
        return synopsis.toString();
    }
}
