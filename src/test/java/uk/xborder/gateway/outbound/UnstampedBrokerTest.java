package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.testsupport.ArtemisPerClass;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StandaloneArtemis;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * An external broker that does not stamp messages with the user who sent them (Artemis without
 * populate-validated-user, as {@code artemis create} makes it): the gateway cannot tell who put a message on an
 * agency's queue, so it refuses every one with SENDER_NOT_AUTHENTICATED; unless the settings say that the broker's
 * permissions alone keep each queue to its agency ({@code gateway.broker.validated-user-required=false}), when it
 * takes the queue's owner as the sender.
 */
class UnstampedBrokerTest {

    private static final long WAIT = 30_000;

    @RegisterExtension
    static final ArtemisPerClass BROKER = ArtemisPerClass.running("admin");

    @Test
    void withoutTheBrokersStampAnAgencysMessageIsRefused() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(onTheBroker(Map.of()))) {
            StatusNotices.Notice notice = sendAndAwaitNotice(null);

            assertThat(notice.outcome()).isEqualTo("REJECTED");
            assertThat(notice.reasonCode()).isEqualTo("SENDER_NOT_AUTHENTICATED");
            assertThat(notice.explanation()).contains("did not say which user put the message on the queue of "
                    + "'police-scotland'");
        }
    }

    @Test
    void aBrokerDeclaredTrustedWithoutItsStampHasTheQueuesOwnerTakenAsTheSenderButAStampIsStillChecked()
            throws Exception {
        try (RunningGateway gateway = RunningGateway.start(onTheBroker(
                Map.of("gateway.broker.validated-user-required", "false")))) {
            assertThat(sendAndAwaitNotice(null).outcome()).isEqualTo("ACCEPTED");

            // This broker stamps nothing, so a stamp on a message is the sender's own: it must still be the agency.
            StatusNotices.Notice forged = sendAndAwaitNotice("nca");
            assertThat(forged.outcome()).isEqualTo("REJECTED");
            assertThat(forged.reasonCode()).isEqualTo("SENDER_NOT_AUTHENTICATED");
            assertThat(forged.explanation()).contains("by the broker user 'nca'");
        }
    }

    private static Map<String, String> onTheBroker(Map<String, String> more) {
        StandaloneArtemis broker = BROKER.get();
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "gateway.broker.embedded", "false",
                "gateway.broker.url", broker.url(),
                "gateway.broker.user", broker.user(),
                "gateway.broker.password-env", "",
                "gateway.broker.password-file", broker.passwordFile().toString()));
        settings.putAll(more);
        return settings;
    }

    /**
     * As the broker's one user (it has every right there), the way an agency would send.
     *
     * @param stamp a validated user the sender sets itself (Artemis's property); null for none
     */
    private static StatusNotices.Notice sendAndAwaitNotice(String stamp) throws Exception {
        StandaloneArtemis broker = BROKER.get();
        String password = Files.readString(broker.passwordFile(), StandardCharsets.UTF_8);
        try (BrokerClient agency = BrokerClient.login(broker.url(), broker.user(), password)) {
            Message message = agency.text(Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR")).xml());
            if (stamp != null) {
                message.setStringProperty("_AMQ_VALIDATED_USER", stamp);
            }
            String transportId = agency.send("gw.agency.police-scotland.out", message);
            Message status = agency.receive("gw.agency.police-scotland.status",
                    "GwTransportMessageId = '" + transportId + "'", WAIT);
            assertThat(status).as("status notice").isNotNull();
            return StatusNotices.parse(RunningGateway.bodyBytes(status));
        }
    }
}
