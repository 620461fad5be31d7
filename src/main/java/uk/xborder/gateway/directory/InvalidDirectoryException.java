package uk.xborder.gateway.directory;

/** The partner directory cannot be used; the gateway does not start with a directory it cannot trust. */
public class InvalidDirectoryException extends RuntimeException {

    public InvalidDirectoryException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
