package uk.xborder.gateway.api;

/** The users file cannot be used. The message says where and why, and never repeats a hash or a password. */
public final class InvalidUsersFileException extends RuntimeException {

    public InvalidUsersFileException(String message) {
        super(message);
    }

    public InvalidUsersFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
