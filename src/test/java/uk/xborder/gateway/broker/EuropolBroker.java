package uk.xborder.gateway.broker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import uk.xborder.gateway.testsupport.StandaloneArtemis;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * Europol reached on its own broker, as the partner-broker tests configure it: the directory's europol endpoint and
 * receipt endpoint are queues on that broker, and the gateway takes in what Europol leaves for it there.
 */
final class EuropolBroker {

    static final String NAME = "europol-broker";
    static final String USER = "uk-gateway";
    /** Where the gateway leaves envelopes for Europol. */
    static final String EUROPOL_INBOX = "europol.inbox";
    /** Where the gateway leaves its receipts for Europol's envelopes. */
    static final String EUROPOL_RECEIPTS = "europol.receipts";
    /** Where Europol leaves envelopes for the gateway. */
    static final String GATEWAY_INBOX = "uk.inbox";
    /** Where Europol leaves its receipts for the gateway's envelopes. */
    static final String GATEWAY_RECEIPTS = "uk.receipts";

    private EuropolBroker() {
    }

    /** The example directory with europol's endpoint and receipt endpoint on its broker. */
    static Path directory(Path folder) throws IOException {
        return TestDirectory.write(folder, Map.of("endpoint: jms:queue:gw.partner.europol.out",
                "endpoint: " + NAME + ":queue:" + EUROPOL_INBOX + "\n"
                        + "    receipts: " + NAME + ":queue:" + EUROPOL_RECEIPTS));
    }

    /** The gateway's settings for that directory and Europol's broker. */
    static Map<String, String> settings(StandaloneArtemis broker, Path directory) {
        String prefix = "gateway.partner-broker." + NAME + ".";
        return Map.of(
                "gateway.directory", directory.toString(),
                "gateway.partner-brokers", NAME,
                prefix + "url", broker.url(),
                prefix + "user", broker.user(),
                prefix + "password-file", broker.passwordFile().toString(),
                prefix + "partner", "europol",
                prefix + "inbound-queue", GATEWAY_INBOX,
                prefix + "receipts-queue", GATEWAY_RECEIPTS);
    }
}
