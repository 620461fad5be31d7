package uk.xborder.gateway.message;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * No code in the recipient's scheme preserves the original's protection: every candidate would raise a reliability
 * grade, lower a protective marking or loosen a handling restriction (or the original code is not a known code).
 * The recipient is refused with reason {@link ReasonCode#NO_SAFE_MAPPING}. The explanation names the scheme, the
 * code, the target scheme and why (the table's rationale); it never quotes message content.
 */
public class NoSafeMappingException extends MessageRejectedException {

    public NoSafeMappingException(String explanation) {
        super(ReasonCode.NO_SAFE_MAPPING, explanation);
    }
}
