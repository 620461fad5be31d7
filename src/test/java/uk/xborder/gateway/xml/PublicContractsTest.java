package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.envelope.Header;
import uk.xborder.gateway.schema.envelope.TransportEnvelope;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.DigestAlgorithm;
import uk.xborder.gateway.schema.receipt.PayloadDigest;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.schema.receipt.ReceiptReasonCode;
import uk.xborder.gateway.schema.status.MessageOutcome;
import uk.xborder.gateway.schema.status.NoticeReasonCode;
import uk.xborder.gateway.schema.status.RecipientOutcome;
import uk.xborder.gateway.schema.status.RecipientStatus;
import uk.xborder.gateway.schema.status.StatusNotice;

/** The gateway's own contracts (envelope, status notice, receipt), built as the pipeline will build them. */
class PublicContractsTest {

    private static final SchemaCatalog CATALOG = SchemaCatalog.loadDefault();
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T09:15:02.125Z");
    private final SafeXmlParser parser = new SafeXmlParser();

    @Test
    void transportEnvelopeCarriesTheCmsBytesInPayload() {
        byte[] cms = {0x30, (byte) 0x82, 0x01, 0x0a, 0x06, 0x0b};
        TransportEnvelope envelope = new TransportEnvelope();
        Header header = new Header();
        header.setMessageId("PS-IR-2026-G-004711");
        header.setExchangeId("3f1c9e0a-8d2b-4c55-9a40-0c1f2b7d9e11");
        header.setFrom("police-scotland");
        header.setTo("europol");
        header.setSentAt(NOW);
        header.setContentFormat("europol-ie-1");
        envelope.setHeader(header);
        envelope.setPayload(cms);

        Document document = roundTrip(envelope, "transport-envelope-1");

        assertThat(document.getElementsByTagNameNS("urn:xborder:gateway:envelope:1", "Payload").item(0)
                .getTextContent()).isEqualTo(java.util.Base64.getEncoder().encodeToString(cms));
        TransportEnvelope read = JaxbCodec.unmarshal(document, TransportEnvelope.class);
        assertThat(read.getPayload()).isEqualTo(cms);
        assertThat(read.getHeader().getSentAt()).isEqualTo(NOW);
    }

    @Test
    void statusNoticeForAPartlyRefusedMessage() {
        StatusNotice notice = new StatusNotice();
        notice.setMessageId("PS-IR-2026-E-000932");
        notice.setJmsMessageId("ID:8a1f0c2e-91b4-11f0-9c4e-0242ac120002");
        notice.setExchangeId("e-20261125-000017");
        notice.setIssuedAt(NOW);
        notice.setOutcome(MessageOutcome.PARTIALLY_ACCEPTED);
        notice.getRecipient().add(recipient("nca", RecipientOutcome.ACCEPTED, null, null));
        notice.getRecipient().add(recipient("spoc-ie", RecipientOutcome.REJECTED, NoticeReasonCode.NO_SAFE_MAPPING,
                "No safe mapping for UK_3X5X2 information assessment to EUROPOL."));

        StatusNotice read = JaxbCodec.unmarshal(roundTrip(notice, "status-notice-1"), StatusNotice.class);

        assertThat(read.getRecipient()).extracting(RecipientStatus::getPartyId).containsExactly("nca", "spoc-ie");
        assertThat(read.getRecipient().get(1).getReasonCode()).isEqualTo(NoticeReasonCode.NO_SAFE_MAPPING);
    }

    @Test
    void statusNoticeForAMessageThatCouldNotBeParsedHasNoMessageId() {
        StatusNotice notice = new StatusNotice();
        notice.setJmsMessageId("ID:8a1f0c2e");
        notice.setExchangeId("e-20261125-000018");
        notice.setIssuedAt(NOW);
        notice.setOutcome(MessageOutcome.REJECTED);
        notice.setReasonCode(NoticeReasonCode.XML_DOCTYPE_FORBIDDEN);
        notice.setExplanation("The message contains a DOCTYPE declaration at line 4, column 10.");

        assertThatCode(() -> roundTrip(notice, "status-notice-1")).doesNotThrowAnyException();
    }

    @Test
    void statusNoticeRequiresTheJmsMessageId() {
        StatusNotice notice = new StatusNotice();
        notice.setExchangeId("e-1");
        notice.setIssuedAt(NOW);
        notice.setOutcome(MessageOutcome.FAILED);

        assertThatThrownBy(() -> CATALOG.validate(parser.parse(JaxbCodec.marshal(notice)), "status-notice-1"))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.explanation()).contains("One of {MessageId, JmsMessageId} is expected"));
    }

    @Test
    void deliveryReceiptNamesTheDigestOfThePayload() throws NoSuchAlgorithmException {
        byte[] payload = "DER CMS bytes".getBytes(StandardCharsets.UTF_8);
        DeliveryReceipt receipt = new DeliveryReceipt();
        receipt.setMessageId("PS-IR-2026-G-004711");
        receipt.setExchangeId("3f1c9e0a-8d2b-4c55-9a40-0c1f2b7d9e11");
        receipt.setFrom("europol");
        receipt.setTo("police-scotland");
        receipt.setReceivedAt(NOW);
        PayloadDigest digest = new PayloadDigest();
        digest.setAlgorithm(DigestAlgorithm.SHA_256);
        digest.setValue(MessageDigest.getInstance("SHA-256").digest(payload));
        receipt.setPayloadDigest(digest);
        receipt.setOutcome(ReceiptOutcome.DELIVERED);

        DeliveryReceipt read = JaxbCodec.unmarshal(roundTrip(receipt, "receipt-1"), DeliveryReceipt.class);

        assertThat(read.getPayloadDigest().getValue()).hasSize(32);
        assertThat(read.getPayloadDigest().getAlgorithm().value()).isEqualTo("SHA-256");
    }

    @Test
    void reasonCodesInTheSchemasAreExactlyTheGatewaysReasonCodes() {
        String[] gateway = Arrays.stream(ReasonCode.values()).map(Enum::name).toArray(String[]::new);

        assertThat(Arrays.stream(NoticeReasonCode.values()).map(NoticeReasonCode::value)).containsExactly(gateway);
        assertThat(Arrays.stream(ReceiptReasonCode.values()).map(ReceiptReasonCode::value)).containsExactly(gateway);
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(NoticeReasonCode.fromValue(code.name()).name()).isEqualTo(code.name());
        }
    }

    @Test
    void jaxbRefusesADocumentOfTheWrongType() {
        Document notice = parser.parse(("<StatusNotice xmlns=\"urn:xborder:gateway:status:1\"><Bogus/></StatusNotice>")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> JaxbCodec.unmarshal(notice, StatusNotice.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Marshal, parse safely, validate against the schema: what a receiver of our output would do. */
    private Document roundTrip(Object root, String schemaId) {
        byte[] xml = JaxbCodec.marshal(root);
        assertThat(new String(xml, 0, 38, StandardCharsets.UTF_8)).contains("encoding=\"UTF-8\"");
        Document document = parser.parse(xml);
        CATALOG.validate(document, schemaId);
        return document;
    }

    private static RecipientStatus recipient(String partyId, RecipientOutcome outcome, NoticeReasonCode reason,
                                             String explanation) {
        RecipientStatus status = new RecipientStatus();
        status.setPartyId(partyId);
        status.setOutcome(outcome);
        status.setReasonCode(reason);
        status.setExplanation(explanation);
        return status;
    }

}
