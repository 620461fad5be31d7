package uk.xborder.gateway.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.security.cert.X509Certificate;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.envelope.EnvelopeHeader;
import uk.xborder.gateway.envelope.EnvelopeReader;
import uk.xborder.gateway.envelope.MalformedEnvelopeException;
import uk.xborder.gateway.envelope.ReceivedEnvelope;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Reads the envelope and decides, from its clear header alone, whether it can be for us at all: well-formed and
 * valid against the envelope schema, from a partner in the directory (and, over HTTPS, from the client that
 * authenticated), addressed to one of our agencies, and sent neither too long ago (a replay) nor in the future.
 * Nothing here is trusted yet: the signed content is checked against the header later.
 */
public final class Unwrapping {

    private final EnvelopeReader reader;
    private final PartyDirectory directory;
    private final Duration maxAge;
    private final Duration maxClockSkew;
    private final InboundAudit audit;
    private final Clock clock;

    public Unwrapping(EnvelopeReader reader, PartyDirectory directory, Duration maxAge, Duration maxClockSkew,
                      InboundAudit audit, Clock clock) {
        this.reader = reader;
        this.directory = directory;
        this.maxAge = maxAge;
        this.maxClockSkew = maxClockSkew;
        this.audit = audit;
        this.clock = clock;
    }

    public byte[] unwrap(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message,
                         @ExchangeProperty(ExchangeProperties.CHANNEL_PARTNER) String channelPartner,
                         @Body byte[] bytes) {
        ReceivedEnvelope envelope;
        try {
            envelope = reader.read(bytes);
        } catch (MalformedEnvelopeException e) {
            // Whoever it claims to be from gets the refusal, if that is a partner we know.
            message.claimed(e.claimed());
            e.claimed().from().flatMap(directory::partner).ifPresent(message::partner);
            throw e;
        }
        message.envelope(envelope);
        EnvelopeHeader header = envelope.header();

        Partner partner = directory.partner(header.from()).orElseThrow(() -> new MessageRejectedException(
                ReasonCode.UNKNOWN_PARTNER, "The envelope is from '" + header.from()
                        + "', who is not a partner in this gateway's directory."));
        message.partner(partner);
        message.clientCertificate().ifPresent(client -> requireClientIsSender(client, partner));
        if (channelPartner != null && !channelPartner.equals(partner.id())) {
            throw new MessageRejectedException(ReasonCode.CLIENT_NOT_SENDER, "The envelope came through the broker of"
                    + " partner '" + channelPartner + "' but names '" + partner.id() + "' as its sender.");
        }
        Agency agency = directory.agencyAddressedAs(header.to()).orElseThrow(() -> new MessageRejectedException(
                ReasonCode.UNKNOWN_ADDRESSEE, "The envelope is addressed to '" + header.to()
                        + "', which is none of this gateway's agencies."));
        message.agency(agency);
        requireFresh(header.sentAt(), message);

        audit.step(message, Step.UNWRAPPED, message.originalDigest());
        return envelope.payload();
    }

    private static void requireClientIsSender(X509Certificate client, Partner partner) {
        if (!client.getSubjectX500Principal().equals(partner.certificate().getSubjectX500Principal())) {
            throw new MessageRejectedException(ReasonCode.CLIENT_NOT_SENDER, "The HTTPS client authenticated as '"
                    + client.getSubjectX500Principal().getName() + "', not as partner '" + partner.id()
                    + "', whom the envelope names as its sender.");
        }
    }

    /** Measured against its arrival: now, or for an operator's proven replay the first time it came. */
    private void requireFresh(Instant sentAt, InboundMessage message) {
        Instant now = message.replayOf().isPresent() ? message.receivedAt() : clock.instant();
        if (sentAt.isBefore(now.minus(maxAge))) {
            throw new MessageRejectedException(ReasonCode.STALE_MESSAGE, "The envelope was sent at " + sentAt
                    + ", longer ago than the " + maxAge + " this gateway accepts; an old message is not taken"
                    + " again.");
        }
        if (sentAt.isAfter(now.plus(maxClockSkew))) {
            throw new MessageRejectedException(ReasonCode.STALE_MESSAGE, "The envelope claims to have been sent at "
                    + sentAt + ", more than " + maxClockSkew + " in this gateway's future.");
        }
    }
}
