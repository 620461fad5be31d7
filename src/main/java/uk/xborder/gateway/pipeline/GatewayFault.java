package uk.xborder.gateway.pipeline;

/**
 * The gateway itself is at fault (for example a translator produced output its own schema refuses), not the sender.
 * It is never reported as a refusal: the error handling retries it, then holds the message for an operator on
 * gw.failed and reports it FAILED. The message names the component and the rule broken, never message content.
 */
public class GatewayFault extends RuntimeException {

    public GatewayFault(String message) {
        super(message);
    }

    public GatewayFault(String message, Throwable cause) {
        super(message, cause);
    }
}
