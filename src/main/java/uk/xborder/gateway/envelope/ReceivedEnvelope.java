package uk.xborder.gateway.envelope;

/**
 * A transport envelope as received: its clear header, valid against the envelope schema, and the CMS bytes of its
 * payload.
 */
public record ReceivedEnvelope(EnvelopeHeader header, byte[] payload) {

    public ReceivedEnvelope {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
