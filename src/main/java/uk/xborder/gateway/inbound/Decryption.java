package uk.xborder.gateway.inbound;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.crypto.DecryptionFailedException;
import uk.xborder.gateway.crypto.Decryptor;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.crypto.NotEncryptedForUsException;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Decrypts the payload with whichever of the gateway's keys it was encrypted to (chosen by its recipient
 * identifier). AES-GCM proves on the way that the ciphertext was not altered.
 */
public final class Decryption {

    private final Decryptor decryptor;
    private final InboundAudit audit;

    public Decryption(Decryptor decryptor, InboundAudit audit) {
        this.decryptor = decryptor;
        this.audit = audit;
    }

    public byte[] decrypt(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message,
                          @Body byte[] payload) {
        byte[] signed;
        try {
            signed = decryptor.decrypt(payload);
        } catch (NotEncryptedForUsException e) {
            throw new MessageRejectedException(ReasonCode.NOT_ENCRYPTED_FOR_US, "The payload is not encrypted for"
                    + " any key of this gateway; it was encrypted for someone else.");
        } catch (DecryptionFailedException e) {
            // The crypto layer's sentence names our certificate and the failing stage, never content.
            throw new MessageRejectedException(ReasonCode.CIPHERTEXT_TAMPERED, "The payload could not be decrypted:"
                    + " it was altered on the way, or is not a CMS AuthEnvelopedData the crypto profile accepts ("
                    + e.getMessage() + ").");
        }
        audit.step(message, Step.DECRYPTED, Digests.sha256Hex(signed));
        return signed;
    }
}
