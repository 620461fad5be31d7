package uk.xborder.gateway.api;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Prints the bcrypt hash of a password read from standard input, for the {@code passwordHash} of the users file, so
 * that nobody ever writes a clear password into a file or onto a command line (where it would stay in the shell
 * history and the process list).
 *
 * <pre>
 *   java -cp 'target/xborder-gateway/lib/*' uk.xborder.gateway.api.HashPassword [--cost 12]
 * </pre>
 *
 * At a terminal it asks twice without echo; otherwise it reads the first line of standard input, e.g. from a password
 * manager's pipe. Passwords are {@value #MIN_LENGTH} characters or more and at most 72 bytes in UTF-8.
 */
public final class HashPassword {

    static final int MIN_LENGTH = 12;
    private static final int MAX_INPUT_BYTES = 4096;

    private HashPassword() {
    }

    public static void main(String[] args) {
        Console console = System.console();
        int status = console != null
                ? runAtConsole(args, console, System.out, System.err)
                : run(args, System.in, System.out, System.err);
        System.exit(status);
    }

    /** Reads the password from {@code in}; prints the hash on {@code out}. Returns the exit status. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        int cost = cost(args, err);
        if (cost < 0) {
            return 2;
        }
        char[] password;
        try {
            password = firstLine(in);
        } catch (IOException e) {
            err.println("The password could not be read from standard input: it must be UTF-8 text.");
            return 1;
        }
        return hash(password, cost, out, err);
    }

    private static int runAtConsole(String[] args, Console console, PrintStream out, PrintStream err) {
        int cost = cost(args, err);
        if (cost < 0) {
            return 2;
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            err.println("The two passwords differ.");
            wipe(first);
            wipe(second);
            return 1;
        }
        wipe(second);
        return hash(first, cost, out, err);
    }

    private static int hash(char[] password, int cost, PrintStream out, PrintStream err) {
        try {
            if (password.length < MIN_LENGTH) {
                err.println("A password has " + MIN_LENGTH + " characters or more.");
                return 1;
            }
            if (PasswordHashing.utf8(password).length > PasswordHashing.MAX_PASSWORD_BYTES) {
                err.println("A password is at most " + PasswordHashing.MAX_PASSWORD_BYTES + " bytes in UTF-8 "
                        + "(bcrypt ignores anything longer).");
                return 1;
            }
            out.println(PasswordHashing.hash(password, cost));
            return 0;
        } finally {
            wipe(password);
        }
    }

    private static int cost(String[] args, PrintStream err) {
        if (args.length == 0) {
            return PasswordHashing.MIN_COST;
        }
        if (args.length == 2 && args[0].equals("--cost")) {
            try {
                int cost = Integer.parseInt(args[1]);
                if (cost >= PasswordHashing.MIN_COST && cost <= PasswordHashing.MAX_COST) {
                    return cost;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            err.println("--cost takes a number from " + PasswordHashing.MIN_COST + " to " + PasswordHashing.MAX_COST
                    + ".");
            return -1;
        }
        err.println("Usage: HashPassword [--cost N]   (the password is read from standard input)");
        return -1;
    }

    /** The first line, without its line break, decoded strictly as UTF-8. */
    private static char[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.size() <= MAX_INPUT_BYTES) {
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            char[] password = new char[chars.remaining()];
            chars.get(password);
            Arrays.fill(chars.array(), '\0');
            return password;
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
