package uk.xborder.gateway.broker;

import java.util.Arrays;

import org.apache.activemq.artemis.utils.SensitiveDataCodec;

import uk.xborder.gateway.api.PasswordHashing;

/**
 * The password codec of the embedded broker's users file: Artemis's own properties login module checks each
 * {@code user = ENC(hash)} through it, and it checks the hash as bcrypt (Bouncy Castle, through
 * {@link PasswordHashing}, the same rules as the API's users: cost 12 or more, constant-time comparison).
 *
 * <p>Decision: not Artemis's default codec, whose one-way hashes are PBKDF2-HMAC-SHA1 with a fixed 1,024 iterations,
 * cheap to guess from a copy of the file. Artemis loads the codec by class name, so it has a public no-argument
 * constructor.
 */
public final class BcryptPasswordCodec implements SensitiveDataCodec<String> {

    @Override
    public String decode(Object hash) {
        throw new UnsupportedOperationException("a bcrypt hash cannot be decoded: it is one-way");
    }

    /** The hash of a password, for a users file. */
    @Override
    public String encode(Object password) {
        char[] chars = password.toString().toCharArray();
        try {
            return PasswordHashing.hash(chars, PasswordHashing.MIN_COST);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** False for anything but an accepted bcrypt hash that the password matches. */
    @Override
    public boolean verify(char[] password, String hash) {
        if (password == null || !PasswordHashing.isAcceptedHash(hash)) {
            return false;
        }
        return PasswordHashing.matches(hash, password);
    }
}
