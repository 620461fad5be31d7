package uk.xborder.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * During a key rotation a gateway holds its old and its new key, and a sender may have encrypted to either: the
 * decryptor picks the key the message's recipient identifier names, EC or RSA, and says so plainly when it names
 * none of them.
 */
class KeyRotationDecryptionTest {

    private static final byte[] PLAINTEXT = "signed content".getBytes(StandardCharsets.UTF_8);

    @Test
    void eitherKeyOfARotationOpensWhatWasEncryptedToIt() throws Exception {
        CmsDecryptor both = CmsDecryptor.create(List.of(ExamplePki.identity("gateway"),
                ExamplePki.identity("spoc-ie")));

        byte[] toNewEcKey = CmsEncryptor.create().encrypt(PLAINTEXT, ExamplePki.certificate("gateway"));
        byte[] toOldRsaKey = CmsEncryptor.create().encrypt(PLAINTEXT, ExamplePki.certificate("spoc-ie"));

        assertThat(both.decrypt(toNewEcKey)).isEqualTo(PLAINTEXT);
        assertThat(both.decrypt(toOldRsaKey)).isEqualTo(PLAINTEXT);
    }

    @Test
    void aMessageForNoneOfOurKeysIsNotEncryptedForUs() throws Exception {
        CmsDecryptor ours = CmsDecryptor.create(List.of(ExamplePki.identity("gateway"),
                ExamplePki.identity("nca")));
        byte[] forSomeoneElse = CmsEncryptor.create().encrypt(PLAINTEXT, ExamplePki.certificate("europol"));

        assertThatThrownBy(() -> ours.decrypt(forSomeoneElse)).isInstanceOf(NotEncryptedForUsException.class)
                .hasMessageContaining("encrypted for someone else");
    }

    @Test
    void alteredCiphertextIsNotMistakenForAnotherRecipient() throws Exception {
        CmsDecryptor ours = CmsDecryptor.create(List.of(ExamplePki.identity("gateway")));
        byte[] encrypted = CmsEncryptor.create().encrypt(PLAINTEXT, ExamplePki.certificate("gateway"));
        encrypted[encrypted.length - 1] ^= 0x01;

        assertThatThrownBy(() -> ours.decrypt(encrypted)).isInstanceOf(DecryptionFailedException.class)
                .isNotInstanceOf(NotEncryptedForUsException.class);
    }

    @Test
    void atLeastOneKeyIsRequired() {
        assertThatThrownBy(() -> CmsDecryptor.create(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
