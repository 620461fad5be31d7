package uk.xborder.gateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.jms.BytesMessage;

import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PartnerEnvelopes;

/** The two kinds of traffic the harness puts on a gateway (or on the relay that stands in for one). */
final class BenchTraffic {

    private BenchTraffic() {
    }

    /**
     * Police Scotland's example report for Europol (EC P-256), the Irish SPOC (RSA-3072) and the NCA, each with a
     * fresh report number (the gateway's message id), sent as a text message by police-scotland; done when its
     * status notice arrives (correlated by the message id; anything but ACCEPTED is a failure); the three partners'
     * envelopes are taken off their queues by the partners themselves.
     */
    static ExchangeLoad.Traffic outbound(String runId) {
        String report = Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", "@ID@").xml();
        int at = report.indexOf("@ID@");
        String before = report.substring(0, at);
        String after = report.substring(at + "@ID@".length());
        return new ExchangeLoad.Traffic("police-scotland", RelayBaseline.AGENCY_QUEUE,
                index -> runId + "-" + index,
                (session, index, id) -> session.createTextMessage(before + id + after),
                "police-scotland", RelayBaseline.STATUS_QUEUE,
                notice -> {
                    String outcome = notice.getStringProperty(GatewayHeaders.OUTCOME);
                    return new ExchangeLoad.Completion(notice.getJMSCorrelationID(),
                            outcome == null || outcome.equals("ACCEPTED"));
                },
                Map.of("gw.partner.europol.out", "europol", "gw.partner.spoc-ie.out", "spoc-ie",
                        "gw.partner.nca.out", "nca"));
    }

    /** Bytes of one report, as the outbound traffic sends it: its size for the results. */
    static int outboundReportBytes() {
        return Examples.policeScotlandReport().bytes().length;
    }

    /**
     * Europol's hit notification for Police Scotland, signed by Europol and encrypted for our gateway, put on
     * gw.inbound by europol; done when the gateway's signed receipt reaches gw.partner.europol.receipts (anything but
     * DELIVERED is a failure). The envelopes are made before the load starts, so that making them costs the
     * measurement nothing; the agency takes what is delivered to it.
     */
    static ExchangeLoad.Traffic inbound(List<Envelope> envelopes) {
        return new ExchangeLoad.Traffic("europol", "gw.inbound",
                index -> envelopes.get((int) index).messageId(),
                (session, index, id) -> {
                    BytesMessage message = session.createBytesMessage();
                    message.writeBytes(envelopes.get((int) index).bytes());
                    return message;
                },
                "europol", "gw.partner.europol.receipts",
                receipt -> new ExchangeLoad.Completion(receipt.getStringProperty(GatewayHeaders.MESSAGE_ID),
                        "DELIVERED".equals(receipt.getStringProperty(GatewayHeaders.RECEIPT_OUTCOME))),
                Map.of("gw.agency.police-scotland.in", "police-scotland", "gw.agency.nca.in", "nca"));
    }

    /** {@code count} envelopes from Europol, each with a fresh message id. */
    static List<Envelope> europolEnvelopes(int count) throws Exception {
        List<Envelope> envelopes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PartnerEnvelopes envelope = PartnerEnvelopes.europolHit();
            envelopes.add(new Envelope(envelope.messageId(), envelope.build()));
        }
        return envelopes;
    }

    /** A partner's envelope, ready to send, and the message id its receipt will name. */
    record Envelope(String messageId, byte[] bytes) {
    }
}
