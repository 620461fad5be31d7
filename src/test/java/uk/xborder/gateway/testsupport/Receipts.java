package uk.xborder.gateway.testsupport;

import java.nio.file.Path;
import java.util.List;

import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.CmsSignatureVerifier;
import uk.xborder.gateway.crypto.VerifiedContent;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/** Opens a receipt the way a partner would: verify the gateway's signature against the UK root, then read it. */
public final class Receipts {

    private static final SchemaCatalog SCHEMAS = SchemaCatalog.loadDefault();

    private Receipts() {
    }

    /** A receipt whose signature verified, with who signed it. */
    public record Opened(DeliveryReceipt receipt, VerifiedContent verified) {
    }

    public static Opened open(byte[] signedReceipt) throws Exception {
        Path certs = RunningGateway.projectDirectory().resolve("certs-example");
        CertificateValidator trust = CertificateValidator.builder()
                .trustAnchors(List.of(Certificates.readCertificate(certs.resolve("uk-root-ca/cert.pem"))))
                .crls(Certificates.readCrls(certs.resolve("uk-root-ca/crl.pem")))
                .build();
        VerifiedContent verified = CmsSignatureVerifier.create(trust).verify(signedReceipt);
        var document = new SafeXmlParser().parse(verified.content());
        SCHEMAS.validate(document, "receipt-1");
        return new Opened(JaxbCodec.unmarshal(document, DeliveryReceipt.class), verified);
    }
}
