package uk.xborder.gateway.cli.tool;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the command-line tools, the same in {@code gw} and {@code audit} so that scripts can tell a
 * mistake in the command from a refusal by the server and from an unreachable server.
 */
public final class ExitCode {

    public static final int OK = 0;
    /** The answer is negative: verification failed, nothing matched, no message arrived in time. */
    public static final int NEGATIVE = 1;
    /** The command line itself is wrong: unknown command or option, missing or bad value, unreadable file. */
    public static final int USAGE = 2;
    /** The server refused the credentials (HTTP 401, or the broker refused the login). */
    public static final int AUTHENTICATION = 3;
    /** The user's role may not do this (HTTP 403). */
    public static final int FORBIDDEN = 4;
    /** The server refused the request itself (another HTTP 4xx, e.g. a bad parameter). */
    public static final int REFUSED = 5;
    /** The server could not be reached or could not answer (connection refused, HTTP 5xx). */
    public static final int UNAVAILABLE = 6;
    /** Something the tool did not expect; the message says what. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }

    /** The help text's exit code list for the given codes, each with what it means for that tool. */
    public static Map<String, String> describe(Object... codeAndMeaning) {
        Map<String, String> list = new LinkedHashMap<>();
        for (int i = 0; i < codeAndMeaning.length; i += 2) {
            list.put(String.format("%3d", (Integer) codeAndMeaning[i]), (String) codeAndMeaning[i + 1]);
        }
        return list;
    }
}
