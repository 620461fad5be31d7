package uk.xborder.gateway.envelope;

import java.time.Instant;

/**
 * The clear part of a transport envelope: enough to route it and to refuse it early. The receiver checks every field
 * against the signed content and refuses the envelope when they disagree.
 *
 * @param messageId     the sender's message id
 * @param exchangeId    the gateway's exchange id
 * @param from          the party the message is from (the sending agency)
 * @param to            the recipient party
 * @param sentAt        when the gateway sent it
 * @param contentFormat the format id of the signed content inside the payload
 */
public record EnvelopeHeader(String messageId, String exchangeId, String from, String to, Instant sentAt,
                             String contentFormat) {
}
