package uk.xborder.gateway.testsupport;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.CmsDecryptor;
import uk.xborder.gateway.crypto.CmsSignatureVerifier;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.crypto.VerifiedContent;

/**
 * Opens a transport envelope the way a partner would, independently of the gateway's own envelope code: read the
 * clear header by local names, base64-decode {@code Payload}, decrypt with the partner's key, verify the signature
 * against the example root CAs.
 */
public final class PartnerInbox {

    private PartnerInbox() {
    }

    /** What a partner gets out of an envelope. */
    public record Opened(String messageId, String exchangeId, String from, String to, String contentFormat,
                         byte[] cms, byte[] content, X509Certificate signer) {
    }

    public static Opened open(String partner, byte[] envelope) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(envelope));
        byte[] cms = Base64.getMimeDecoder().decode(text(document, "Payload"));

        Path certs = RunningGateway.projectDirectory().resolve("certs-example");
        SigningIdentity partnerKey = SigningIdentity.fromPem(certs.resolve(partner).resolve("cert.pem"),
                certs.resolve(partner).resolve("key.pem"), null);
        byte[] signed = CmsDecryptor.create(partnerKey).decrypt(cms);
        CertificateValidator trust = CertificateValidator.builder()
                .trustAnchors(List.of(Certificates.readCertificate(certs.resolve("uk-root-ca/cert.pem")),
                        Certificates.readCertificate(certs.resolve("eu-root-ca/cert.pem"))))
                .crls(Certificates.readCrls(certs.resolve("uk-root-ca/crl.pem")))
                .build();
        VerifiedContent verified = CmsSignatureVerifier.create(trust).verify(signed);
        return new Opened(text(document, "MessageId"), text(document, "ExchangeId"), text(document, "From"),
                text(document, "To"), text(document, "ContentFormat"), cms, verified.content(),
                verified.signerCertificate());
    }

    private static String text(Document document, String localName) {
        Element element = (Element) document.getElementsByTagNameNS("*", localName).item(0);
        if (element == null) {
            throw new AssertionError("envelope has no " + localName + " element");
        }
        return element.getTextContent().trim();
    }
}
