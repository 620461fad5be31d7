package uk.xborder.gateway.testsupport;

import jakarta.jms.Message;

/** The example Police Scotland report, sent under a fresh message id, once the gateway has answered it. */
public record SentReport(String messageId, String exchangeId) {

    /** Sends the report and waits up to 20 s for its status notice, which names the exchange. */
    public static SentReport through(RunningGateway gateway) throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = gateway.send("police-scotland", Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        Message status = gateway.receive("gw.agency.police-scotland.status",
                "GwTransportMessageId = '" + transportId + "'", 20_000);
        if (status == null) {
            throw new AssertionError("no status notice for " + messageId + " within 20 s");
        }
        return new SentReport(messageId, StatusNotices.parse(RunningGateway.bodyBytes(status)).exchangeId());
    }
}
