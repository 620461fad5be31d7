package uk.xborder.gateway.settings;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * The inbound exchange: what envelopes from partners may be, and the keys and trust they are checked with.
 *
 * @param maxEnvelopeBytes   larger envelopes are refused with MESSAGE_TOO_LARGE ({@code gateway.inbound.max-envelope-bytes})
 * @param maxAge             an envelope sent longer ago than this is refused as STALE_MESSAGE, a replay
 *                           ({@code gateway.inbound.max-age}, ISO-8601, default P30D)
 * @param maxClockSkew       how far in the future an envelope's SentAt may lie, for clocks that differ
 *                           ({@code gateway.inbound.max-clock-skew}, default PT5M)
 * @param revocation         what an unknown revocation status means for a signer ({@code gateway.inbound.revocation})
 * @param extraDecryptionKeys keys besides the gateway's own identity that inbound payloads may be encrypted to,
 *                           e.g. the previous key during a rotation: {@code gateway.inbound.decryption-keys} names
 *                           them, each described by {@code gateway.inbound.decryption-key.<name>.*} like
 *                           {@code gateway.identity.*}
 *
 * <p>Signers are trusted as partner certificates are on the outbound path: the partner's trust anchor and CRL in the
 * directory, else {@code gateway.partners.trust} and {@code gateway.partners.crls} ({@link CertificateSettings}).
 */
public record InboundSettings(long maxEnvelopeBytes, Duration maxAge, Duration maxClockSkew, Revocation revocation,
                              List<IdentitySettings> extraDecryptionKeys) {

    /** Whether a signer whose revocation status cannot be established is refused (the default) or accepted. */
    public enum Revocation {
        /** No current CRL from the signer's issuer: refused as SIGNER_UNTRUSTED. */
        HARD_FAIL,
        /** No current CRL from the signer's issuer: accepted. A signer a CRL lists is refused either way. */
        SOFT_FAIL
    }

    public InboundSettings {
        extraDecryptionKeys = List.copyOf(extraDecryptionKeys);
    }

    static InboundSettings from(SettingsSource source) {
        List<IdentitySettings> extra = new ArrayList<>();
        for (String name : source.text("gateway.inbound.decryption-keys").split(",")) {
            if (!name.isBlank()) {
                extra.add(IdentitySettings.from(source, "gateway.inbound.decryption-key." + name.trim()));
            }
        }
        return new InboundSettings(
                // A 16 MiB payload (the envelope schema's limit) in base64, plus the header.
                source.number("gateway.inbound.max-envelope-bytes", 22L * 1024 * 1024 + 64 * 1024, 1),
                duration(source, "gateway.inbound.max-age", Duration.ofDays(30)),
                duration(source, "gateway.inbound.max-clock-skew", Duration.ofMinutes(5)),
                revocation(source, "gateway.inbound.revocation"),
                extra);
    }

    /** The gateway's own identity first, then the extra keys: every key an inbound payload may be encrypted to. */
    public List<SigningIdentity> decryptionKeys(IdentitySettings own) throws IOException, GeneralSecurityException {
        List<SigningIdentity> keys = new ArrayList<>();
        keys.add(own.load());
        for (IdentitySettings key : extraDecryptionKeys) {
            keys.add(key.load());
        }
        return List.copyOf(keys);
    }

    private static Duration duration(SettingsSource source, String key, Duration fallback) {
        String value = source.text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new SettingsException(key, "must be a positive duration");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new SettingsException(key, "must be an ISO-8601 duration such as P30D or PT5M");
        }
    }

    private static Revocation revocation(SettingsSource source, String key) {
        String value = source.text(key);
        if (value.isEmpty() || value.equalsIgnoreCase("hard-fail")) {
            return Revocation.HARD_FAIL;
        }
        if (value.equalsIgnoreCase("soft-fail")) {
            return Revocation.SOFT_FAIL;
        }
        throw new SettingsException(key, "must be hard-fail or soft-fail");
    }
}
