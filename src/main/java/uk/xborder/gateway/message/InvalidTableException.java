package uk.xborder.gateway.message;

/**
 * A translation table is malformed or unsafe, so the gateway must not start with it. The message always names the
 * file and, where the fault is on a line, the line number, so that whoever edited the table can find it.
 */
public final class InvalidTableException extends IllegalStateException {

    private final String file;
    private final int line;

    /** @param line the 1-based line number, or 0 when the fault belongs to the file as a whole */
    InvalidTableException(String file, int line, String problem) {
        super(line > 0 ? file + " line " + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the fault belongs to the whole file (e.g. a missing row). */
    public int line() {
        return line;
    }
}
