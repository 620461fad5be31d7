package uk.xborder.gateway.outbound;

import java.security.GeneralSecurityException;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.crypto.Encryptor;
import uk.xborder.gateway.crypto.Signer;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.crypto.Digests;

/**
 * Signs the recipient's document with the gateway's key, then encrypts the signed data for the recipient's
 * certificate (sign first, then encrypt: the recipient can prove who sent it, nobody else can read it).
 */
public final class Protection {

    private final Signer signer;
    private final Encryptor encryptor;
    private final PartyDirectory directory;
    private final OutboundAudit audit;

    public Protection(Signer signer, Encryptor encryptor, PartyDirectory directory, OutboundAudit audit) {
        this.signer = signer;
        this.encryptor = encryptor;
        this.directory = directory;
        this.audit = audit;
    }

    public byte[] sign(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                       @ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient,
                       @Body byte[] document) throws GeneralSecurityException {
        byte[] signed = signer.sign(document);
        audit.recipientStep(message, recipient, Step.SIGNED, Digests.sha256Hex(signed));
        return signed;
    }

    public byte[] encrypt(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                          @ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient,
                          @Body byte[] signed, Exchange exchange) throws GeneralSecurityException {
        byte[] encrypted = encryptor.encrypt(signed, directory.partner(recipient).orElseThrow().certificate());
        String digest = Digests.sha256Hex(encrypted);
        // The envelope carries these bytes as its payload: the receipt awaited must name this digest.
        exchange.setProperty(ExchangeProperties.PAYLOAD_DIGEST, digest);
        audit.recipientStep(message, recipient, Step.ENCRYPTED, digest);
        return encrypted;
    }
}
