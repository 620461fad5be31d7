package uk.xborder.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals what the exchange store keeps to replay an exchange, and opens it again: AES-256-GCM (the JCE), a random
 * 96-bit nonce per sealing, a 128-bit tag, and as additional authenticated data the exchange reference and the kind
 * of content, so that a ciphertext moved to another exchange's row, or relabelled as another kind, fails to open.
 *
 * <p>Content is sealed under the current key; it is opened under whichever configured key its key id names, the
 * current one or one of the previous keys kept for reading after a rotation.
 */
public final class ContentSealing {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Versions the binding: a later format of the associated data gets another label. */
    private static final String BINDING_LABEL = "xborder-gateway exchange content v1";

    private final StorageKey current;
    private final Map<String, StorageKey> readable;
    private final SecureRandom random;

    private ContentSealing(StorageKey current, Map<String, StorageKey> readable, SecureRandom random) {
        this.current = current;
        this.readable = readable;
        this.random = random;
    }

    /**
     * Sealing under {@code current}, opening under it and the {@code previous} keys.
     *
     * @throws IllegalArgumentException when two of the keys are the same key
     */
    public static ContentSealing of(StorageKey current, List<StorageKey> previous) {
        Objects.requireNonNull(current, "current");
        Map<String, StorageKey> readable = new LinkedHashMap<>();
        readable.put(current.id(), current);
        for (StorageKey key : previous) {
            StorageKey clash = readable.putIfAbsent(key.id(), key);
            if (clash != null) {
                throw new IllegalArgumentException(key.source() + " is the same key as " + clash.source()
                        + " (key id " + key.id() + ")");
            }
        }
        return new ContentSealing(current, Map.copyOf(readable), new SecureRandom());
    }

    /** The id of the key new content is sealed under. */
    public String currentKeyId() {
        return current.id();
    }

    /** True when content sealed under this key id can be opened: it is the current key or a previous one. */
    public boolean canOpen(String keyId) {
        return readable.containsKey(keyId);
    }

    /** The content of one exchange, sealed under the current key and bound to that exchange and kind. */
    public SealedContent seal(String reference, ContentKind kind, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, current.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(binding(reference, kind));
            return new SealedContent(current.id(), nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the content of exchange " + reference + " could not be sealed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * The content of one exchange, opened.
     *
     * @throws ContentUnsealingException when its key id is not configured, or it fails authentication as the content
     *                                   of this exchange and kind
     */
    public byte[] open(String reference, ContentKind kind, SealedContent sealed) {
        StorageKey key = readable.get(sealed.keyId());
        if (key == null) {
            throw new ContentUnsealingException("the content of exchange " + reference + " is sealed under key id "
                    + sealed.keyId() + ", which is neither the current storage key (" + current.id()
                    + ") nor one of gateway.store.previous-key-files" + previousIds(), sealed.keyId(), null);
        }
        byte[] nonce = sealed.nonce();
        if (nonce.length != NONCE_BYTES) {
            throw failedAuthentication(reference, kind, sealed, null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(binding(reference, kind));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw failedAuthentication(reference, kind, sealed, e);
        } catch (GeneralSecurityException e) {
            throw new ContentUnsealingException("the content of exchange " + reference + " could not be opened ("
                    + e.getClass().getSimpleName() + ")", sealed.keyId(), e);
        }
    }

    private static ContentUnsealingException failedAuthentication(String reference, ContentKind kind,
                                                                  SealedContent sealed, Throwable cause) {
        return new ContentUnsealingException("the content of exchange " + reference + " (" + kind + ", key id "
                + sealed.keyId() + ") fails authentication: its ciphertext or nonce was altered, or it was sealed "
                + "for another exchange or kind", sealed.keyId(), cause);
    }

    private String previousIds() {
        List<String> ids = readable.keySet().stream().filter(id -> !id.equals(current.id())).sorted().toList();
        return ids.isEmpty() ? " (none is configured)" : " (" + String.join(", ", ids) + ")";
    }

    private static byte[] binding(String reference, ContentKind kind) {
        // Length-prefixed, so that no reference and kind can be read as another pair.
        String text = BINDING_LABEL + "\n" + reference.length() + ":" + reference + "\n" + kind.name();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ContentSealing[current key " + current.id() + ", readable " + readable.keySet().stream().sorted()
                .toList() + "]";
    }
}
