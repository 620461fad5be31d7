package uk.xborder.gateway.cli.tool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import uk.xborder.gateway.crypto.Secret;

/**
 * Where a tool finds a user's password, never on the command line (where other users and the shell history would
 * see it): a file named by an option, else an environment variable, else asked at the terminal.
 */
public final class Passwords {

    private Passwords() {
    }

    /**
     * @param user         whose password (for the prompt)
     * @param file         the file option's value, or null
     * @param variable     the environment variable that may hold it
     * @param fileOption   the name of the file option, for the sentence when none is found
     */
    public static Secret find(String user, Path file, String variable, String fileOption,
                              ToolEnvironment environment) {
        if (file != null) {
            try {
                return Secret.fromFile(file);
            } catch (IOException e) {
                // Secret's message names the file and the fault, never the content
                throw new ToolFailure(ExitCode.USAGE, e.getMessage());
            }
        }
        String value = environment.variable(variable);
        if (value != null) {
            return Secret.of(value.toCharArray());
        }
        char[] typed = environment.terminal().ask("Password for " + user + ": ");
        if (typed != null && typed.length > 0) {
            try {
                return Secret.of(typed);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }
        throw new ToolFailure(ExitCode.USAGE, "no password for " + user + ": set " + variable + ", give "
                + fileOption + " FILE, or run the command at a terminal to be asked");
    }
}
