package uk.xborder.gateway.cli.tool;

/**
 * An expected way for a command to end other than success: shown as one line ({@code error: sentence}) with no stack
 * trace, and the tool exits with the code. The sentence never holds a password.
 */
public final class ToolFailure extends RuntimeException {

    private final int exitCode;

    public ToolFailure(int exitCode, String sentence) {
        super(sentence, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
