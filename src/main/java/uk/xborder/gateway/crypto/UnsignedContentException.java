package uk.xborder.gateway.crypto;

/**
 * What was to be verified is not a signed message at all: not a CMS SignedData, or one without a signer. A kind of
 * {@link SignatureInvalidException}, so callers that do not tell the two apart keep refusing it.
 */
public class UnsignedContentException extends SignatureInvalidException {

    private static final long serialVersionUID = 1L;

    public UnsignedContentException(String message) {
        super(message);
    }
}
