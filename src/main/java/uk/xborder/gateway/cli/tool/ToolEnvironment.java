package uk.xborder.gateway.cli.tool;

import java.io.Console;
import java.util.Map;

/**
 * What a tool reads from around it besides its arguments: environment variables and, when a person is at a terminal,
 * a password typed without echo. A parameter, so that tests run the tools without changing the real environment.
 *
 * @param variables the environment variables
 * @param terminal  asks for a password without echo; answers null when there is no terminal
 */
public record ToolEnvironment(Map<String, String> variables, PasswordPrompt terminal) {

    /** Asks a person for a password. */
    @FunctionalInterface
    public interface PasswordPrompt {
        /** The password typed, or null if nobody can be asked. */
        char[] ask(String prompt);
    }

    /** The process's environment and its console, if it has one. */
    public static ToolEnvironment system() {
        return new ToolEnvironment(System.getenv(), prompt -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        });
    }

    /** The given variables and no terminal. */
    public static ToolEnvironment of(Map<String, String> variables) {
        return new ToolEnvironment(Map.copyOf(variables), prompt -> null);
    }

    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
