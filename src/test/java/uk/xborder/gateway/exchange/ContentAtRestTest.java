package uk.xborder.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.FilesInClear;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * After a normal message, a whole-message refusal, a per-recipient refusal and a failed delivery (a partner's
 * endpoint that is down), every exchange is in the store with its state and attempts, what is held is in the store
 * and opens to the right content, and a distinctive string of the agency's message is in clear in no file under the
 * data directory but the broker journal; the holding queues, which live in that journal, carry no content.
 */
class ContentAtRestTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";
    private static final String MARKER = "Zq7Xw3Vt9-KESTREL-MARKER";

    @TempDir
    Path dir;

    @Test
    void whatTheGatewayHoldsIsSealedAndRecordedAndNoFileOutsideTheJournalHasItInClear() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.directory",
                directoryWithNcaDown().toString()))) {
            ExchangeStore store = gateway.exchangeStore();

            // a normal message: europol and spoc-ie receive it; nca's endpoint is down, so it is tried again off
            // the agency's queue and then fails (a second notice)
            String normal = report(Examples.uniqueId("PS-IR"));
            String normalTransport = gateway.send(PS, normal);
            StatusNotices.Notice delivered = status(gateway, normalTransport);
            assertThat(delivered.outcome()).isEqualTo("ACCEPTED");
            assertThat(delivered.recipient("nca").outcome()).isEqualTo("RETRYING");
            Message second = gateway.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '"
                    + normalTransport + "' AND GwRecipient = 'nca'", WAIT);
            assertThat(second).as("the second notice, for nca").isNotNull();
            assertThat(StatusNotices.parse(RunningGateway.bodyBytes(second)).recipient("nca").outcome())
                    .isEqualTo("FAILED");
            assertThat(PartnerInbox.open("europol", RunningGateway.bodyBytes(gateway.receive(
                    "gw.partner.europol.out", "GwMessageId = '" + delivered.messageId() + "'", WAIT))).messageId())
                    .isEqualTo(delivered.messageId());

            StoredExchange toEuropol = store.exchange(ExchangeReferences.outbound(delivered.exchangeId(), "europol"))
                    .orElseThrow();
            assertThat(toEuropol.state()).isEqualTo(ExchangeState.DELIVERED);
            assertThat(toEuropol.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(toEuropol.agency()).isEqualTo(PS);
            assertThat(toEuropol.messageId()).isEqualTo(delivered.messageId());
            ExchangeDetail europolDetail = store.get(toEuropol.reference()).orElseThrow();
            assertThat(europolDetail.attempts()).singleElement().satisfies(attempt -> {
                assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DELIVERED);
                assertThat(attempt.endpoint()).isEqualTo("jms:queue:gw.partner.europol.out");
                assertThat(attempt.node()).isEqualTo(store.node());
            });
            assertThat(europolDetail.content()).as("nothing kept for a delivered exchange").isEmpty();

            // the failed delivery: each attempt with its endpoint and error, the sealed envelope held to replay
            Message failedNotice = gateway.receive("gw.failed", "GwMessageId = '" + delivered.messageId() + "'",
                    WAIT);
            String failedReference = failedNotice.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
            assertThat(failedReference).isEqualTo(ExchangeReferences.outbound(delivered.exchangeId(), "nca"));
            ExchangeDetail failed = store.get(failedReference).orElseThrow();
            assertThat(failed.exchange().state()).isEqualTo(ExchangeState.FAILED);
            assertThat(failed.exchange().reasonCode()).isEqualTo("DELIVERY_FAILED");
            assertThat(failed.exchange().failedSince()).isNotNull();
            assertThat(failed.attempts()).as("the first attempt and its one retry (gateway.delivery.retries=1)")
                    .hasSize(2).allSatisfy(attempt -> {
                        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.FAILED);
                        assertThat(attempt.endpoint()).isEqualTo("direct:nca-link-down?block=false");
                        assertThat(attempt.error()).contains("DirectConsumerNotAvailableException");
                    });
            assertThat(failed.content().orElseThrow().kind()).isEqualTo(ContentKind.SEALED_ENVELOPE);
            assertThat(PartnerInbox.open("nca", gateway.heldContent(failedNotice)).messageId())
                    .as("the sealed envelope, still only nca's to open").isEqualTo(delivered.messageId());

            // a whole-message refusal: the original kept, sealed, for a replay after the cause is fixed
            String refusedWhole = report(Examples.uniqueId("PS-IR"));
            String wholeTransport = gateway.send("nca", refusedWhole);
            Message rejectedNotice = gateway.receive("gw.rejected", "GwTransportMessageId = '" + wholeTransport
                    + "'", WAIT);
            String wholeReference = rejectedNotice.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
            StoredExchange whole = store.exchange(wholeReference).orElseThrow();
            assertThat(whole.state()).isEqualTo(ExchangeState.REJECTED);
            assertThat(whole.recipient()).as("refused as a whole: no recipient").isNull();
            assertThat(whole.reasonCode()).isEqualTo(rejectedNotice.getStringProperty(GatewayHeaders.REASON_CODE));
            assertThat(gateway.heldContent(rejectedNotice)).isEqualTo(refusedWhole.getBytes(StandardCharsets.UTF_8));

            // a per-recipient refusal: one exchange for the refused recipient, with the original
            String partly = Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR"))
                    .replace("from (Rotterdam) to", MARKER)
                    .replace("<Recipient>\\s*<PartyId>(spoc-ie)</PartyId>", "interpol").xml();
            StatusNotices.Notice partial = status(gateway, gateway.send(PS, partly));
            assertThat(partial.recipient("interpol").reasonCode()).isEqualTo("UNKNOWN_RECIPIENT");
            Message refusedNotice = gateway.receive("gw.rejected", "GwMessageId = '" + partial.messageId() + "'",
                    WAIT);
            assertThat(refusedNotice.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE))
                    .isEqualTo(ExchangeReferences.outbound(partial.exchangeId(), "interpol"));
            assertThat(store.exchange(ExchangeReferences.outbound(partial.exchangeId(), "interpol")).orElseThrow()
                    .state()).isEqualTo(ExchangeState.REJECTED);
            assertThat(gateway.heldContent(refusedNotice)).isEqualTo(partly.getBytes(StandardCharsets.UTF_8));
            // nca's delivery fails after its retry off the agency's queue, which may still be under way
            await().atMost(Duration.ofMillis(WAIT)).untilAsserted(() -> assertThat(
                    store.find(ExchangeQuery.all().messageId(partial.messageId())).exchanges())
                    .extracting(StoredExchange::recipient, StoredExchange::state)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("interpol", ExchangeState.REJECTED),
                            org.assertj.core.groups.Tuple.tuple("europol", ExchangeState.DELIVERED),
                            org.assertj.core.groups.Tuple.tuple("nca", ExchangeState.FAILED)));

            // Nothing the holding queues carry has content: reference bodies, reason headers
            for (String queue : List.of("gw.rejected", "gw.failed")) {
                for (Message held : gateway.browse(queue)) {
                    assertThat(RunningGateway.bodyText(held)).as("body on " + queue)
                            .isEqualTo(held.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE))
                            .doesNotContain(MARKER);
                    assertThat(properties(held)).as("headers on " + queue).doesNotContain(MARKER);
                }
            }

            // and no file under the data directory but the broker journal has the agency's text in clear
            List<Path> clear = FilesInClear.containing(gateway.dataDirectory(), MARKER);
            assertThat(clear).as("files holding the marker in clear")
                    .allSatisfy(file -> assertThat(gateway.dataDirectory().relativize(file).startsWith("broker"))
                            .as(file.toString()).isTrue());
            Path generatedKey = gateway.dataDirectory().resolve("exchange-store.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generatedKey)))
                    .as("the generated key is the gateway's user's only").isEqualTo("rw-------");
        }

        // the search itself finds what is there
        Path control = Files.writeString(dir.resolve("control.bin"), "xx" + MARKER + "yy");
        assertThat(FilesInClear.containing(dir, MARKER)).contains(control);
    }

    private static String report(String messageId) {
        return Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .replace("from (Rotterdam) to", MARKER).xml();
    }

    private Path directoryWithNcaDown() throws IOException {
        Path base = RunningGateway.projectDirectory();
        String yaml = Files.readString(base.resolve("config/directory.yaml"))
                .replace("../certs-example", base.resolve("certs-example").toString())
                .replace("jms:queue:gw.partner.nca.out", "direct:nca-link-down?block=false");
        return Files.writeString(dir.resolve("directory.yaml"), yaml);
    }

    private static StatusNotices.Notice status(RunningGateway gateway, String transportId) throws Exception {
        Message status = gateway.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '" + transportId
                + "'", WAIT);
        assertThat(status).as("status notice").isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static String properties(Message message) throws JMSException {
        StringBuilder all = new StringBuilder();
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            all.append(name).append('=').append(message.getObjectProperty(name)).append('\n');
        }
        return all.toString();
    }
}
