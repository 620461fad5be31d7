package uk.xborder.gateway.policy;

import java.util.Optional;

import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.message.CaveatTable;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Caveats that limit the audience of a message are obeyed, not just copied: a recipient receives the message only
 * when every caveat of its classification admits the recipient's jurisdiction ({@code tables/caveats.csv}).
 * Otherwise it is refused with {@code CAVEAT_FORBIDS_RECIPIENT}.
 *
 * <p>Decision: a caveat the table does not list is refused for every recipient outside the UK
 * ({@code UNKNOWN_CAVEAT}) and passes to UK recipients with the caveat attached. The gateway cannot tell whom an
 * unknown caveat admits; a UK body can read and apply it, a foreign one might not even be allowed to see it. The
 * sender either spells a caveat the table knows, or has the table extended (with its source) for a new one.
 */
public final class CaveatAudience {

    private static final int MAX_QUOTED_CHARS = 64;

    private final CaveatTable caveats;

    public CaveatAudience(CaveatTable caveats) {
        this.caveats = caveats;
    }

    /** @throws MessageRejectedException {@code CAVEAT_FORBIDS_RECIPIENT} or {@code UNKNOWN_CAVEAT} */
    void requireAdmitted(MessageFacts message, Partner recipient) {
        for (String caveat : message.caveats()) {
            Optional<CaveatTable.Caveat> known = caveats.find(caveat);
            if (known.isEmpty()) {
                if (recipient.isOutsideUnitedKingdom()) {
                    throw new MessageRejectedException(ReasonCode.UNKNOWN_CAVEAT,
                            "The caveat " + quote(caveat) + " is not in the caveat table (" + caveats.version()
                                    + "), so the gateway cannot tell whom it admits; it sends such a message only to"
                                    + " recipients in the UK, and '" + recipient.id() + "' is of jurisdiction "
                                    + recipient.jurisdiction() + ".");
                }
            } else if (!known.get().admits(recipient.jurisdiction())) {
                throw new MessageRejectedException(ReasonCode.CAVEAT_FORBIDS_RECIPIENT,
                        "The caveat " + quote(caveat) + " limits the message to recipients of jurisdiction "
                                + String.join(" or ", known.get().audience()) + " (" + caveats.version()
                                + "); '" + recipient.id() + "' is of jurisdiction " + recipient.jurisdiction() + ".");
            }
        }
    }

    /** A caveat is sender input: quoted bounded and printable, so it can neither forge log lines nor run long. */
    private static String quote(String caveat) {
        StringBuilder out = new StringBuilder("'");
        int limit = Math.min(caveat.length(), MAX_QUOTED_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = caveat.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
        }
        if (caveat.length() > MAX_QUOTED_CHARS) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
