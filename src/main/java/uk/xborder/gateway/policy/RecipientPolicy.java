package uk.xborder.gateway.policy;

import uk.xborder.gateway.directory.Marking;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.message.MarkingTable;

/**
 * Decides whether one recipient may have a message. Returns quietly when it may; otherwise throws a
 * {@link MessageRejectedException} whose reason code and sentence go to the sender and the audit log.
 *
 * <p>The checks run from the most basic to the most specific, so the sender learns the first thing to fix: the
 * recipient is known, a transfer outside the UK has a legal basis, the marking is within the recipient's
 * accreditation, every caveat of the marking admits the recipient ({@link CaveatAudience}), the message's handling
 * code lets it go to the recipient, and nothing it concerns was received from another partner under handling that
 * forbids passing it on ({@link OnwardDissemination}).
 */
public final class RecipientPolicy {

    private final PartyDirectory directory;
    private final MarkingTable markings;
    private final CaveatAudience caveatAudience;
    private final OnwardDissemination onwardDissemination;

    public RecipientPolicy(PartyDirectory directory, MarkingTable markings, CaveatAudience caveatAudience,
                           OnwardDissemination onwardDissemination) {
        this.directory = directory;
        this.markings = markings;
        this.caveatAudience = caveatAudience;
        this.onwardDissemination = onwardDissemination;
    }

    /** @return the recipient, when the message may go to it */
    public Partner authorise(MessageFacts message, String recipientId) {
        Partner recipient = directory.partner(recipientId).orElseThrow(() -> new MessageRejectedException(
                ReasonCode.UNKNOWN_RECIPIENT,
                "The recipient '" + recipientId + "' is not in the partner directory."));
        requireLegalBasisOutsideUk(message, recipient);
        requireAccreditation(message, recipient);
        caveatAudience.requireAdmitted(message, recipient);
        requireHandlingPermits(message, recipient);
        onwardDissemination.requirePermitted(message, recipient);
        return recipient;
    }

    private static void requireLegalBasisOutsideUk(MessageFacts message, Partner recipient) {
        if (recipient.isOutsideUnitedKingdom() && !message.hasLegalBasis()) {
            throw new MessageRejectedException(ReasonCode.NO_LEGAL_BASIS,
                    "Sending to '" + recipient.id() + "' is a transfer outside the United Kingdom (jurisdiction "
                            + recipient.jurisdiction() + ") and the message states no legal basis for it.");
        }
    }

    private void requireAccreditation(MessageFacts message, Partner recipient) {
        Marking marking = message.marking();
        Marking ceiling = recipient.highestMarking();
        // Throws NO_SAFE_MAPPING when the marking has no equivalent in the recipient's scheme.
        if (markings.exceeds(marking.scheme(), marking.level(), ceiling.scheme(), ceiling.level())) {
            String converted = markings.convert(marking.scheme(), marking.level(), ceiling.scheme());
            throw new MessageRejectedException(ReasonCode.MARKING_ABOVE_ACCREDITATION,
                    "The message is marked " + marking + " (" + ceiling.scheme() + " " + converted
                            + "); '" + recipient.id() + "' is accredited to receive up to " + ceiling + ".");
        }
    }

    private static void requireHandlingPermits(MessageFacts message, Partner recipient) {
        if (!recipient.mayReceiveHandling(message.handlingScheme(), message.handlingCode())) {
            throw new MessageRejectedException(ReasonCode.HANDLING_FORBIDS_DISSEMINATION,
                    "Handling code " + message.handling() + " does not permit dissemination to '"
                            + recipient.id() + "'.");
        }
    }
}
