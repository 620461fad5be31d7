package uk.xborder.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.PartnerEnvelopes;
import uk.xborder.gateway.testsupport.Receipts;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The seam the HTTPS transport uses: an envelope handed to direct:inbound-envelope with the client's certificate
 * comes back as the signed receipt in the body, with its outcome in a header, and no receipt goes by JMS; a client
 * that is not the envelope's sender is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundDirectCallerTest {

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void theReceiptIsTheBodyAndDoesNotGoByJms() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();

        Exchange answered = handOver(hit.build(), "europol");

        assertThat(answered.getException()).isNull();
        assertThat(answered.getMessage().getHeader("GwReceiptOutcome")).isEqualTo("DELIVERED");
        DeliveryReceipt receipt = Receipts.open(answered.getMessage().getBody(byte[].class)).receipt();
        assertThat(receipt.getOutcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        assertThat(receipt.getMessageId()).isEqualTo(hit.messageId());
        RunningGateway gateway = GATEWAY.get();
        assertThat(gateway.receive("gw.agency.police-scotland.in", "GwMessageId = '" + hit.messageId() + "'",
                10_000)).isNotNull();
        assertThat(gateway.receive("gw.partner.europol.receipts", "GwMessageId = '" + hit.messageId() + "'", 500))
                .as("a receipt sent by JMS as well").isNull();
    }

    @Test
    void aClientWithAnotherPartnersCertificateIsRefused() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();

        Exchange answered = handOver(hit.build(), "spoc-ie");

        assertThat(answered.getException()).isNull();
        assertThat(answered.getMessage().getHeader("GwReceiptOutcome")).isEqualTo("REFUSED");
        DeliveryReceipt receipt = Receipts.open(answered.getMessage().getBody(byte[].class)).receipt();
        assertThat(receipt.getOutcome()).isEqualTo(ReceiptOutcome.REFUSED);
        assertThat(receipt.getReasonCode().value()).isEqualTo("CLIENT_NOT_SENDER");
        RunningGateway gateway = GATEWAY.get();
        assertThat(gateway.receive("gw.rejected", "GwMessageId = '" + hit.messageId()
                + "' AND GwReasonCode = 'CLIENT_NOT_SENDER'", 10_000)).isNotNull();
        assertThat(gateway.receive("gw.agency.police-scotland.in", "GwMessageId = '" + hit.messageId() + "'", 500))
                .isNull();
    }

    @Test
    void anEnvelopeOnOnePartnersBrokerThatNamesAnotherSenderIsRefused() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();

        Exchange answered = GATEWAY.get().context().createProducerTemplate().send("direct:inbound-envelope",
                exchange -> {
                    exchange.getMessage().setBody(hit.build());
                    // as the partner-broker route marks what it takes from spoc-ie's broker
                    exchange.setProperty(ExchangeProperties.CHANNEL_PARTNER, "spoc-ie");
                });

        assertThat(answered.getException()).isNull();
        DeliveryReceipt receipt = Receipts.open(answered.getMessage().getBody(byte[].class)).receipt();
        assertThat(receipt.getOutcome()).isEqualTo(ReceiptOutcome.REFUSED);
        assertThat(receipt.getReasonCode().value()).isEqualTo("CLIENT_NOT_SENDER");
        assertThat(receipt.getExplanation()).contains("spoc-ie", "europol");
        assertThat(GATEWAY.get().receive("gw.agency.police-scotland.in", "GwMessageId = '" + hit.messageId() + "'",
                500)).isNull();
    }

    private static Exchange handOver(byte[] envelope, String clientParty) throws Exception {
        var client = PartnerEnvelopes.certificate(clientParty);
        return GATEWAY.get().context().createProducerTemplate().send("direct:inbound-envelope", exchange -> {
            exchange.getMessage().setBody(envelope);
            exchange.setProperty(ExchangeProperties.CLIENT_CERTIFICATE, client);
        });
    }
}
