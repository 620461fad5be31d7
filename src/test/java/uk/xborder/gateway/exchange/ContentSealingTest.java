package uk.xborder.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.crypto.Secret;

/**
 * Content is sealed under the current key, bound to its exchange and kind: anything altered, or moved to another
 * exchange or kind, is refused with a message naming the exchange and key; after a rotation old content still opens
 * under the previous key and new content is sealed under the new one.
 */
class ContentSealingTest {

    private static final byte[] CONTENT = "<Report>Operation Kestrel: the courier is JOHN SMITH</Report>"
            .getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StorageKey key = StorageKey.generate(RANDOM, "test key");
    private final ContentSealing sealing = ContentSealing.of(key, List.of());

    @Test
    void whatIsSealedOpensAgainAndIsNotInClear() {
        SealedContent sealed = sealing.seal("ref-1", ContentKind.ORIGINAL_MESSAGE, CONTENT);

        assertThat(sealed.keyId()).isEqualTo(key.id()).hasSize(16);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(CONTENT.length + 16);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("JOHN SMITH");
        assertThat(sealing.open("ref-1", ContentKind.ORIGINAL_MESSAGE, sealed)).isEqualTo(CONTENT);
    }

    @Test
    void everySealingHasANonceOfItsOwn() {
        SealedContent first = sealing.seal("ref-1", ContentKind.ORIGINAL_MESSAGE, CONTENT);
        SealedContent second = sealing.seal("ref-1", ContentKind.ORIGINAL_MESSAGE, CONTENT);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void alteredCiphertextOrNonceIsRefusedNamingTheExchangeAndKey() {
        SealedContent sealed = sealing.seal("ref-1", ContentKind.SEALED_ENVELOPE, CONTENT);
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[3] ^= 0x01;
        byte[] nonce = sealed.nonce();
        nonce[0] ^= 0x01;

        for (SealedContent altered : List.of(new SealedContent(key.id(), sealed.nonce(), ciphertext),
                new SealedContent(key.id(), nonce, sealed.ciphertext()),
                new SealedContent(key.id(), new byte[8], sealed.ciphertext()))) {
            assertThatThrownBy(() -> sealing.open("ref-1", ContentKind.SEALED_ENVELOPE, altered))
                    .isInstanceOf(ContentUnsealingException.class)
                    .hasMessageContaining("exchange ref-1")
                    .hasMessageContaining("key id " + key.id())
                    .hasMessageContaining("fails authentication");
        }
    }

    @Test
    void contentMovedToAnotherExchangeOrRelabelledIsRefused() {
        SealedContent sealed = sealing.seal("ref-1", ContentKind.ORIGINAL_MESSAGE, CONTENT);

        assertThatThrownBy(() -> sealing.open("ref-2", ContentKind.ORIGINAL_MESSAGE, sealed))
                .isInstanceOf(ContentUnsealingException.class)
                .hasMessageContaining("sealed for another exchange or kind");
        assertThatThrownBy(() -> sealing.open("ref-1", ContentKind.RECEIVED_ENVELOPE, sealed))
                .isInstanceOf(ContentUnsealingException.class)
                .hasMessageContaining("exchange ref-1 (RECEIVED_ENVELOPE");
    }

    @Test
    void afterARotationOldContentOpensUnderThePreviousKeyAndNewContentIsSealedUnderTheNewOne() {
        SealedContent old = sealing.seal("ref-1", ContentKind.ORIGINAL_MESSAGE, CONTENT);
        StorageKey next = StorageKey.generate(RANDOM, "next key");
        ContentSealing rotated = ContentSealing.of(next, List.of(key));

        assertThat(rotated.open("ref-1", ContentKind.ORIGINAL_MESSAGE, old)).isEqualTo(CONTENT);
        SealedContent fresh = rotated.seal("ref-2", ContentKind.ORIGINAL_MESSAGE, CONTENT);
        assertThat(fresh.keyId()).isEqualTo(next.id()).isNotEqualTo(key.id());
        assertThat(rotated.currentKeyId()).isEqualTo(next.id());
        assertThat(rotated.canOpen(key.id())).isTrue();

        // without the previous key, old content names the key it needs
        ContentSealing forgotten = ContentSealing.of(next, List.of());
        assertThatThrownBy(() -> forgotten.open("ref-1", ContentKind.ORIGINAL_MESSAGE, old))
                .isInstanceOf(ContentUnsealingException.class)
                .hasMessageContaining("sealed under key id " + key.id())
                .hasMessageContaining("gateway.store.previous-key-files")
                .satisfies(e -> assertThat(((ContentUnsealingException) e).keyId()).isEqualTo(key.id()));
    }

    @Test
    void theSameKeyTwiceIsRefused() {
        assertThatThrownBy(() -> ContentSealing.of(key, List.of(key)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key.id());
    }

    @Test
    void aKeyIsBase64OfThirtyTwoBytesAndNeverShown() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String text = Base64.getEncoder().encodeToString(raw);
        StorageKey read = StorageKey.fromBase64(Secret.of(("  " + text + "\n").toCharArray()), "the test file");
        StorageKey again = StorageKey.fromBase64(Secret.of(text.toCharArray()), "another copy");

        assertThat(read.id()).as("the id is the key's").isEqualTo(again.id());
        assertThat(read.toString()).isEqualTo("StorageKey[id " + read.id() + ", from the test file]")
                .doesNotContain(text);
        assertThat(ContentSealing.of(read, List.of()).toString()).doesNotContain(text);

        String secretLooking = "c2hvcnQ!" + text.substring(8);
        assertThatThrownBy(() -> StorageKey.fromBase64(Secret.of(secretLooking.toCharArray()), "the test file"))
                .hasMessageContaining("the test file is not a storage key: it is not base64")
                .hasMessageNotContaining(secretLooking.substring(0, 8)).hasMessageNotContaining("!");
        assertThatThrownBy(() -> StorageKey.fromBase64(Secret.of("c2hvcnQ=".toCharArray()), "the test file"))
                .hasMessageContaining("holds 5 bytes, and AES-256 needs 32");
    }
}
