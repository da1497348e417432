package io.openbss.launcher;

import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./bss help [<command>]}: the usage of ./bss or of one command, as {@code --help} prints it (picocli's own
 * help command would clash with the {@code -h} that every command inherits).
 */
@Command(name = "help", helpCommand = true, description = "print the usage of ./bss, or of one command")
final class HelpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<command>", completionCandidates = CommandNames.class,
            description = "the command")
    String command;

    @Override
    public Integer call() {
        CommandLine bss = spec.parent().commandLine();
        CommandLine asked = command == null ? bss : bss.getSubcommands().get(command);
        if (asked == null) {
            throw new ParameterException(spec.commandLine(), "unknown command '" + command + "'");
        }
        asked.usage(spec.commandLine().getOut());
        return 0;
    }

    /** The commands, for shell completion. */
    static final class CommandNames implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return Main.commandNames().iterator();
        }
    }
}
