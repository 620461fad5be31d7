package uk.xborder.gateway.cli.tool;

import java.lang.reflect.Constructor;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * A command-line tool's picocli set-up, the same for every tool: strict parsing (an unknown option, a repeated one or
 * a bad value is refused with exit 2 and one line naming it, never ignored), {@code --help} on every command and
 * sub-command, the tool's exit codes in every help text, expected failures shown as one line without a stack trace,
 * and commands built with the tool's {@link ToolEnvironment} (a class with a constructor taking one gets it).
 */
public final class ToolCommandLine {

    private ToolCommandLine() {
    }

    /**
     * @param command   the tool's top-level command, whose sub-commands are declared on its {@code @Command}
     * @param defaults  default values of options the settings provide (e.g. the gateway's URL)
     * @param exitCodes the tool's exit codes and their meanings, as listed in every help text
     */
    public static CommandLine create(Object command, ToolEnvironment environment,
                                     CommandLine.IDefaultValueProvider defaults, Map<String, String> exitCodes) {
        CommandLine line = new CommandLine(command, new Factory(environment));
        everyCommand(line, exitCodes);
        // these apply to every sub-command present now, i.e. all of them
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setDefaultValueProvider(defaults);
        line.setParameterExceptionHandler(ToolCommandLine::refuseUsage);
        line.setExecutionExceptionHandler(ToolCommandLine::reportFailure);
        return line;
    }

    private static void everyCommand(CommandLine line, Map<String, String> exitCodes) {
        CommandSpec spec = line.getCommandSpec();
        if (!spec.optionsMap().containsKey("--help")) {
            spec.addMixin("help", CommandSpec.forAnnotatedObject(new HelpOption()));
        }
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        line.getSubcommands().values().forEach(sub -> everyCommand(sub, exitCodes));
    }

    private static int refuseUsage(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        failed.getErr().println("error: " + oneLine(e.getMessage()) + " (see '"
                + failed.getCommandSpec().qualifiedName() + " --help')");
        failed.getErr().flush();
        return ExitCode.USAGE;
    }

    private static int reportFailure(Exception e, CommandLine line, ParseResult parsed) {
        int code;
        String sentence;
        if (e instanceof ToolFailure failure) {
            code = failure.exitCode();
            sentence = failure.getMessage();
        } else {
            // not expected, but a person reads it: what happened in a line, no stack trace
            code = ExitCode.INTERNAL;
            sentence = "unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
        }
        line.getErr().println("error: " + sentence);
        line.getErr().flush();
        return code;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    /** {@code -h, --help} on a command that does not declare it. */
    static final class HelpOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    /** Builds commands and mixins; those with a constructor taking the tool's environment get it. */
    private record Factory(ToolEnvironment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<K> constructor;
            try {
                constructor = type.getDeclaredConstructor(ToolEnvironment.class);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
            constructor.setAccessible(true);
            return constructor.newInstance(environment);
        }
    }
}
