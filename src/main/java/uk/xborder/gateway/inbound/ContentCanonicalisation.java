package uk.xborder.gateway.inbound;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.w3c.dom.Document;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.outbound.CanonicalFacts;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;

/** Translates the partner's format into the canonical intelligence message. */
public final class ContentCanonicalisation {

    private final FormatRegistry formats;
    private final InboundAudit audit;

    public ContentCanonicalisation(FormatRegistry formats, InboundAudit audit) {
        this.formats = formats;
        this.audit = audit;
    }

    public IntelligenceMessage translate(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message,
                                         @Body Document document) {
        IntelligenceMessage canonical = formats.get(message.partner().orElseThrow().format()).toCanonical(document);
        message.canonical(canonical, CanonicalFacts.of(canonical));
        audit.step(message, Step.CANONICALISED, message.originalDigest());
        return canonical;
    }
}
