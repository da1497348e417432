package io.openbss.launcher;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./bss completion}: bash completion for every command, option and value that ./bss knows. */
@Command(name = "completion", description = {"print a bash completion script for ./bss",
        "Load it into the current shell with: source <(./bss completion)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("bss", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
