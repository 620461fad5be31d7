package uk.xborder.gateway.policy;

import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.ledger.ReceivedMaterial;
import uk.xborder.gateway.message.GradingDimension;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Material a partner sent under handling that forbids passing it on may go back to that partner only. An outbound
 * message concerns received material when its message id, correlation id, in-reply-to or one of its case reference
 * values is the id of a message received from a partner ({@link ReceivedMaterial}); then every recipient other than
 * the partner that sent it is refused with {@code ONWARD_DISSEMINATION_FORBIDDEN}.
 *
 * <p>The rule: a handling code forbids onward dissemination when it restricts onward use at least as much as
 * Europol H2 ("not to be disseminated without the permission of the provider", Council doc 6261/18), judged on the
 * HANDLING ladder of {@code tables/scales.csv} that all three schemes share. That is Europol H2 and H3, UK 5x5x5 4
 * ("within the originating agency only") and 5 ("no further dissemination", HMRC manual MLR3C14000), and UK 3x5x2 C.
 * H3 and C carry free-text conditions the gateway cannot read, which is why the ladder ranks them above H2: the gateway
 * cannot tell that their conditions allow passing the material on, so it does not. A code the tables do not know
 * forbids it too. The provider's permission is not something the gateway can see: an agency that has it asks the
 * provider to send the material to the third party itself, or to re-issue it under a handling code that allows it.
 */
public final class OnwardDissemination {

    /** The least restrictive handling that forbids passing material on without the provider's permission. */
    static final GradingScheme THRESHOLD_SCHEME = GradingScheme.EUROPOL;
    static final String THRESHOLD_CODE = "H2";

    private final ReceivedMaterial received;
    private final GradingTables tables;

    public OnwardDissemination(ReceivedMaterial received, GradingTables tables) {
        this.received = received;
        this.tables = tables;
    }

    /** Whether material received under this handling may go to no one but the partner that sent it. */
    public boolean forbids(GradingScheme scheme, String code) {
        return !tables.isKnown(scheme, GradingDimension.HANDLING, code)
                || tables.handlingAtLeastAsRestrictive(scheme, code, THRESHOLD_SCHEME, THRESHOLD_CODE);
    }

    /** @throws MessageRejectedException {@code ONWARD_DISSEMINATION_FORBIDDEN} */
    void requirePermitted(MessageFacts message, Partner recipient) {
        for (ReceivedMaterial.Received material : received.receivedAs(message.referencedIds())) {
            if (!material.originatingPartner().equals(recipient.id())
                    && forbids(material.handlingScheme(), material.handlingCode())) {
                throw new MessageRejectedException(ReasonCode.ONWARD_DISSEMINATION_FORBIDDEN,
                        "The message concerns '" + material.messageId() + "', which '"
                                + material.originatingPartner() + "' sent under handling "
                                + material.handlingScheme() + " " + material.handlingCode()
                                + ", which forbids passing it on without the provider's permission; it may go back"
                                + " to '" + material.originatingPartner() + "' but not to '" + recipient.id() + "'.");
            }
        }
    }
}
