package uk.xborder.gateway.exchange.deadletter;

/** A dead letter that cannot be resent, and why (no content in the message). */
public final class ResendRefusedException extends RuntimeException {

    private final String reference;

    public ResendRefusedException(String reference, String why) {
        super("dead letter " + reference + " cannot be resent: " + why);
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
