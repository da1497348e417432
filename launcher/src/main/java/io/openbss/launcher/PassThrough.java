package io.openbss.launcher;

import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command needs that passes arguments on (an operation's {@code --name value} pairs, Maven's
 * {@code -pl gateway -am}). As its model transformer: an option it does not know is one of its positional parameters,
 * never a cluster of short options. As the consumer of those parameters: each is taken as it is (picocli would stop at
 * one that starts like {@code -h}).
 */
final class PassThrough implements IModelTransformer, IParameterConsumer {

    @Override
    public CommandSpec transform(CommandSpec command) {
        command.parser().unmatchedOptionsArePositionalParams(true).posixClusteredShortOptionsAllowed(false);
        return command;
    }

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec parameters, CommandSpec command) {
        List<String> passedOn = parameters.getValue();
        passedOn.add(args.pop());
    }
}
