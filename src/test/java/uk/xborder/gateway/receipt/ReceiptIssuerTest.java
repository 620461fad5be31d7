package uk.xborder.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.crypto.CmsSigner;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.pipeline.GatewayFault;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.testsupport.PartnerEnvelopes;
import uk.xborder.gateway.testsupport.Receipts;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * Receipts are schema-valid DeliveryReceipts signed by the gateway, which a partner checks with plain OpenSSL; an
 * explanation longer than the schema allows is shortened, never a reason to fail; a receipt that would break its
 * schema is the gateway's fault, never sent.
 */
class ReceiptIssuerTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    private final ReceiptIssuer issuer = issuer();

    @Test
    void aRefusedReceiptNamesTheReasonAndVerifiesWithOpenSsl() throws Exception {
        byte[] payload = "the payload as received".getBytes(StandardCharsets.UTF_8);
        ReceiptFacts facts = new ReceiptFacts("EU-1", Optional.of("EX-1"), "police-scotland", "europol", RECEIVED,
                Digests.sha256(payload), Optional.of(new ReceiptFacts.Refusal(ReasonCode.SIGNER_NOT_SENDER,
                "x".repeat(2500))));

        byte[] signed = issuer.issue(facts);

        DeliveryReceipt receipt = Receipts.open(signed).receipt();
        assertThat(receipt.getOutcome()).isEqualTo(ReceiptOutcome.REFUSED);
        assertThat(receipt.getReasonCode().value()).isEqualTo("SIGNER_NOT_SENDER");
        assertThat(receipt.getExplanation()).hasSize(2000);
        assertThat(receipt.getPayloadDigest().getValue()).isEqualTo(Digests.sha256(payload));
        assertThat(receipt.getReceivedAt().toInstant()).isEqualTo(RECEIVED);

        Path der = Files.write(dir.resolve("receipt.der"), signed);
        Path ca = RunningGateway.projectDirectory().resolve("certs-example/uk-root-ca/cert.pem");
        Path out = dir.resolve("receipt.xml");
        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-inform", "DER", "-in", der.toString(),
                "-CAfile", ca.toString(), "-out", out.toString()).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
        assertThat(Files.readString(out)).contains("<MessageId>EU-1</MessageId>").contains("REFUSED");
    }

    @Test
    void aReceiptThatWouldBreakItsSchemaIsAFaultNotAReceipt() {
        ReceiptFacts facts = new ReceiptFacts("EU-2", Optional.empty(), "Not A Party Id", "europol", RECEIVED,
                new byte[32], Optional.empty());

        assertThatThrownBy(() -> issuer.issue(facts)).isInstanceOf(GatewayFault.class)
                .hasMessageContaining("breaks the receipt schema");
    }

    private static ReceiptIssuer issuer() {
        try {
            return new ReceiptIssuer(CmsSigner.create(PartnerEnvelopes.identity("gateway")),
                    SchemaCatalog.loadDefault());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
