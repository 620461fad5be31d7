package uk.xborder.gateway.transport;

/**
 * What a failed hand-over to a partner's endpoint came to, as {@link DeliveryErrors} judged it.
 *
 * @param transientFailure true when the same envelope may get through if tried again later (the endpoint down or
 *                         overloaded, the network interrupted); false when trying again would fail the same way
 * @param errorClass       a short name for the kind of failure, for the audit log and notices
 *                         ({@code connection-refused}, {@code timeout}, {@code http-503}, {@code tls-certificate}...):
 *                         never the exception's own message, which may quote what a remote party sent
 * @param description      a sentence about it, without content
 */
public record DeliveryError(boolean transientFailure, String errorClass, String description) {

    static DeliveryError transientOne(String errorClass, String description) {
        return new DeliveryError(true, errorClass, description);
    }

    static DeliveryError permanent(String errorClass, String description) {
        return new DeliveryError(false, errorClass, description);
    }

    /** {@code transient} or {@code permanent}, as the audit log writes it. */
    public String kind() {
        return transientFailure ? "transient" : "permanent";
    }
}
