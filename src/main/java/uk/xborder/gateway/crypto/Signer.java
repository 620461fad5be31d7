package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;

/** Signs content, returning a self-contained signed message that carries the content. */
@FunctionalInterface
public interface Signer {

    /** The signed message (for {@link CmsSigner}: a DER-encoded CMS SignedData with the content inside). */
    byte[] sign(byte[] content) throws GeneralSecurityException;
}
