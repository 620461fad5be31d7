package uk.xborder.gateway.inbound;

import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.pipeline.ExchangeProperties;

/**
 * Writes the canonical message in the agency's own format, naming only the agency among its recipients. Grading,
 * handling and marking go through the versioned tables in this direction too, never raising reliability or lowering
 * protection; where no safe mapping exists the message is refused (NO_SAFE_MAPPING).
 */
public final class AgencyTranslation {

    private final FormatRegistry formats;
    private final InboundAudit audit;

    public AgencyTranslation(FormatRegistry formats, InboundAudit audit) {
        this.formats = formats;
        this.audit = audit;
    }

    public byte[] translate(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message) {
        Agency agency = message.agency().orElseThrow();
        byte[] document = formats.get(agency.format()).fromCanonical(message.canonical(), agency.partyId());
        audit.step(message, Step.TRANSLATED, Digests.sha256Hex(document));
        return document;
    }
}
