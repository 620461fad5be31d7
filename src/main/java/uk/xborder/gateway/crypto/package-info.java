/**
 * Signing, encryption, decryption and verification of gateway messages with CMS (RFC 5652), and the loading of
 * the keys and certificates they need.
 *
 * <p>Outbound, a message is signed once by the gateway ({@link uk.xborder.gateway.crypto.CmsSigner}: SignedData,
 * content included) and the signed bytes are then encrypted separately for each recipient
 * ({@link uk.xborder.gateway.crypto.CmsEncryptor}: AuthEnvelopedData, AES-256-GCM). Inbound is the mirror image:
 * {@link uk.xborder.gateway.crypto.CmsDecryptor} then {@link uk.xborder.gateway.crypto.CmsSignatureVerifier}.
 * Every algorithm is chosen in {@link uk.xborder.gateway.crypto.CryptoProfile} and nowhere else; the output can be
 * checked with plain OpenSSL ({@code openssl cms -decrypt}, {@code openssl cms -verify}).
 *
 * <p>House rules, in the spirit of Google Tink: each capability is a one-method interface; key objects are
 * immutable and built by factories that refuse bad input; {@code toString()} never shows key material; checks
 * return what they checked or throw a specific exception. No private key, password or message content is ever
 * logged or put in an exception message; exceptions name files, environment variables, certificate subjects and
 * algorithms instead.
 */
package uk.xborder.gateway.crypto;
