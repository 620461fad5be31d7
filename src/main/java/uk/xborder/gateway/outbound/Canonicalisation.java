package uk.xborder.gateway.outbound;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.w3c.dom.Document;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;

/** Translates the agency's own format into the canonical intelligence message every later step works on. */
public final class Canonicalisation {

    private final FormatRegistry formats;
    private final OutboundAudit audit;

    public Canonicalisation(FormatRegistry formats, OutboundAudit audit) {
        this.formats = formats;
        this.audit = audit;
    }

    public IntelligenceMessage translate(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                                         @Body Document document) {
        IntelligenceMessage canonical = formats.get(message.agency().format()).toCanonical(document);
        message.canonical(canonical, CanonicalFacts.of(canonical));
        audit.step(message, Step.CANONICALISED, message.originalDigest());
        return canonical;
    }
}
