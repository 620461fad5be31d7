package uk.xborder.gateway.crypto;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads one private key from a PEM file in any of the forms OpenSSL writes: PKCS#8 ({@code PRIVATE KEY}),
 * encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}), and the traditional {@code EC PRIVATE KEY} /
 * {@code RSA PRIVATE KEY}, plain or encrypted with a {@code DEK-Info} header.
 *
 * <p>Errors say which file and what went wrong in general terms. The messages of underlying parser exceptions are
 * not passed on, and neither are those exceptions as causes: they are about the bytes of a private key, and we do
 * not want any of that in a log.
 */
final class PrivateKeyPem {

    private PrivateKeyPem() {
    }

    static PrivateKey read(Path keyPem, Secret passwordOrNull) throws IOException, KeyMaterialException {
        Object keyObject = readKeyObject(keyPem);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(CryptoProfile.PROVIDER);
        try {
            return converter.getPrivateKey(toPrivateKeyInfo(keyObject, keyPem, passwordOrNull));
        } catch (KeyMaterialException e) {
            throw e;
        } catch (Exception e) {
            throw new KeyMaterialException("Private key in " + keyPem + " is of an unsupported type or corrupt");
        }
    }

    private static Object readKeyObject(Path keyPem) throws IOException, KeyMaterialException {
        Object found = null;
        try (Reader reader = Files.newBufferedReader(keyPem, StandardCharsets.ISO_8859_1);
             PEMParser parser = new PEMParser(reader)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof ASN1ObjectIdentifier) {
                    continue; // an "EC PARAMETERS" block, written by `openssl ecparam -genkey`; the key names its curve
                }
                if (found != null) {
                    throw new KeyMaterialException(keyPem + " holds more than one key or object; expected one private key");
                }
                found = object;
            }
        } catch (KeyMaterialException | NoSuchFileException | AccessDeniedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KeyMaterialException(keyPem + " is not a readable PEM private key (malformed PEM or DER)");
        }
        if (found == null) {
            throw new KeyMaterialException(keyPem + " holds no PEM private key");
        }
        return found;
    }

    private static PrivateKeyInfo toPrivateKeyInfo(Object keyObject, Path keyPem, Secret password)
            throws KeyMaterialException {
        if (keyObject instanceof PrivateKeyInfo) {
            return (PrivateKeyInfo) keyObject;
        }
        if (keyObject instanceof PEMKeyPair) {
            return ((PEMKeyPair) keyObject).getPrivateKeyInfo();
        }
        if (keyObject instanceof PKCS8EncryptedPrivateKeyInfo) {
            char[] chars = requirePassword(password, keyPem);
            try {
                return ((PKCS8EncryptedPrivateKeyInfo) keyObject).decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(CryptoProfile.PROVIDER).build(chars));
            } catch (Exception e) {
                throw wrongPassword(keyPem);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
        if (keyObject instanceof PEMEncryptedKeyPair) {
            char[] chars = requirePassword(password, keyPem);
            try {
                return ((PEMEncryptedKeyPair) keyObject).decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(CryptoProfile.PROVIDER).build(chars))
                        .getPrivateKeyInfo();
            } catch (Exception e) {
                throw wrongPassword(keyPem);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
        throw new KeyMaterialException(keyPem + " holds a " + Certificates.pemKind(keyObject)
                + ", not a private key");
    }

    private static char[] requirePassword(Secret password, Path keyPem) throws KeyMaterialException {
        if (password == null) {
            throw new KeyMaterialException("Private key in " + keyPem + " is encrypted and no password was given");
        }
        return password.chars();
    }

    private static KeyMaterialException wrongPassword(Path keyPem) {
        return new KeyMaterialException("Could not decrypt the private key in " + keyPem
                + ": wrong password, or the file is corrupt");
    }
}
