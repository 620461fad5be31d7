package uk.xborder.gateway.outbound;

import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.format.FormatRegistry;

/**
 * Writes the canonical message in the recipient's own format. The translator refuses (NO_SAFE_MAPPING) when a
 * grading, handling code or marking has no equivalent that keeps its protection.
 */
public final class RecipientTranslation {


    private final PartyDirectory directory;
    private final FormatRegistry formats;
    private final OutboundAudit audit;

    public RecipientTranslation(PartyDirectory directory, FormatRegistry formats, OutboundAudit audit) {
        this.directory = directory;
        this.formats = formats;
        this.audit = audit;
    }

    public byte[] translate(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                            @ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient) {
        Partner partner = directory.partner(recipient).orElseThrow();
        byte[] document = formats.get(partner.format()).fromCanonical(message.canonical(), recipient);
        audit.recipientStep(message, recipient, Step.TRANSLATED, Digests.sha256Hex(document));
        return document;
    }
}
