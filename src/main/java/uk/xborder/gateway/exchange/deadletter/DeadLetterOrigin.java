package uk.xborder.gateway.exchange.deadletter;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.xborder.gateway.exchange.Direction;

/**
 * Which way a dead letter was going and between whom, read from the address the broker says it came from, where
 * that is one of the gateway's own:
 * <pre>
 *   gw.agency.A.out            outbound, agency A (an agency's message the gateway could not take in)
 *   gw.agency.A.in / .status   inbound, agency A (the agency's own consumer gave up on it)
 *   gw.retry.P                 outbound, partner P (a delivery's next attempt the gateway could not make)
 *   gw.partner.P.*             outbound, partner P (an endpoint or receipt queue of P's on the gateway's broker)
 *   gw.inbound                 inbound (a partner's envelope); gw.receipts inbound (a partner's receipt)
 *   anything else, or none     inbound, parties unknown
 * </pre>
 * The parties the gateway stamped on the message itself (GwAgency, GwRecipient) fill in what the address leaves
 * open; the address wins where both speak.
 */
record DeadLetterOrigin(Direction direction, Optional<String> agency, Optional<String> partner, String describes) {

    private static final Pattern AGENCY_OUT = Pattern.compile("gw\\.agency\\.([^.]+)\\.out");
    private static final Pattern AGENCY_IN = Pattern.compile("gw\\.agency\\.([^.]+)\\.(?:in|status)");
    private static final Pattern RETRY = Pattern.compile("gw\\.retry\\.(.+)");
    private static final Pattern PARTNER_QUEUE = Pattern.compile("gw\\.partner\\.([^.]+)\\..+");

    static DeadLetterOrigin of(Optional<String> address, Optional<String> stampedAgency,
                               Optional<String> stampedRecipient) {
        if (address.isEmpty()) {
            return new DeadLetterOrigin(Direction.INBOUND, stampedAgency, stampedRecipient, "no original address");
        }
        String queue = address.get();
        Matcher m;
        if ((m = AGENCY_OUT.matcher(queue)).matches()) {
            return new DeadLetterOrigin(Direction.OUTBOUND, Optional.of(m.group(1)), stampedRecipient,
                    "an agency's outbound queue");
        }
        if ((m = AGENCY_IN.matcher(queue)).matches()) {
            return new DeadLetterOrigin(Direction.INBOUND, Optional.of(m.group(1)), Optional.empty(),
                    "an agency's inbound or status queue");
        }
        if ((m = RETRY.matcher(queue)).matches()) {
            return new DeadLetterOrigin(Direction.OUTBOUND, stampedAgency, Optional.of(m.group(1)),
                    "a partner's retry queue");
        }
        if ((m = PARTNER_QUEUE.matcher(queue)).matches()) {
            return new DeadLetterOrigin(Direction.OUTBOUND, stampedAgency, Optional.of(m.group(1)),
                    "a partner's queue on the gateway's broker");
        }
        if (queue.equals("gw.inbound")) {
            return new DeadLetterOrigin(Direction.INBOUND, Optional.empty(), Optional.empty(),
                    "the partners' inbound queue");
        }
        if (queue.equals("gw.receipts")) {
            return new DeadLetterOrigin(Direction.INBOUND, Optional.empty(), Optional.empty(),
                    "the partners' receipt queue");
        }
        return new DeadLetterOrigin(Direction.INBOUND, stampedAgency, stampedRecipient, "an address not the gateway's");
    }
}
