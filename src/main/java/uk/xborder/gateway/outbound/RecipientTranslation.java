package uk.xborder.gateway.outbound;

import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.format.FormatRegistry;

/**
 * Writes the canonical message in the recipient's own format. The translator refuses (NO_SAFE_MAPPING) when a
 * grading, handling code or marking has no equivalent that keeps its protection.
 */
public final class RecipientTranslation {

    /** Exchange property naming the recipient a per-recipient sub-exchange works for; set by the route. */
    public static final String RECIPIENT_PROPERTY = "gwRecipient";

    private final PartyDirectory directory;
    private final FormatRegistry formats;
    private final OutboundAudit audit;

    public RecipientTranslation(PartyDirectory directory, FormatRegistry formats, OutboundAudit audit) {
        this.directory = directory;
        this.formats = formats;
        this.audit = audit;
    }

    public byte[] translate(@ExchangeProperty(OutboundMessage.PROPERTY) OutboundMessage message,
                            @ExchangeProperty(RECIPIENT_PROPERTY) String recipient) {
        Partner partner = directory.partner(recipient).orElseThrow();
        byte[] document = formats.get(partner.format()).fromCanonical(message.canonical(), recipient);
        audit.recipientStep(message, recipient, "TRANSLATED", AuditOperation.ALTERATION, Digests.sha256Hex(document));
        return document;
    }
}
