package uk.xborder.gateway.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of the example PKI in {@code certs-example/}, whose private keys are published with the gateway, known by
 * the SHA-256 of each public key's SubjectPublicKeyInfo ({@value #RESOURCE}).
 *
 * <p>Decision: keys, not certificates or paths, are what is recognised. A file copied elsewhere or renamed is still
 * the example; so is a new certificate issued for an example key, or a chain that ends in an example CA (whose key
 * anyone can use to issue more). A certificate's key is the key its private key pairs with, and the gateway refuses a
 * private key that does not pair with its certificate, so recognising certificates by key recognises example private
 * keys too.
 */
final class ExamplePki {

    static final String RESOURCE = "startup/example-pki.txt";

    /** Key fingerprint (hex) to the example file it comes from, e.g. {@code certs-example/gateway/cert.pem}. */
    private final Map<String, String> files;

    private ExamplePki(Map<String, String> files) {
        this.files = Map.copyOf(files);
    }

    static ExamplePki load() {
        Map<String, String> files = new HashMap<>();
        try (InputStream in = ExamplePki.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gateway's jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+", 2);
                files.put(parts[0].toLowerCase(java.util.Locale.ROOT), parts.length > 1 ? parts[1] : "certs-example");
            }
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read", e);
        }
        return new ExamplePki(files);
    }

    /** The example file whose key this certificate carries, if it is one. */
    Optional<String> exampleFileOf(X509Certificate certificate) {
        return Optional.ofNullable(files.get(fingerprint(certificate.getPublicKey())));
    }

    int size() {
        return files.size();
    }

    /** SHA-256 of the key's SubjectPublicKeyInfo (DER), in lower-case hex: what {@code openssl pkey -pubout} hashes. */
    static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
