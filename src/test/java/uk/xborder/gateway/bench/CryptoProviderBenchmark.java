package uk.xborder.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.CmsEncryptor;
import uk.xborder.gateway.crypto.CmsSigner;
import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * Which provider is fastest for each operation of the crypto profile, and what the profile's own CMS steps cost per
 * message: Bouncy Castle against the JDK (SunEC for P-256 ECDSA, ECDH and key generation; SunJCE for AES-256-GCM),
 * in one run on one machine, best of five rounds after a warm-up. Then the gateway's {@link CmsSigner} and
 * {@link CmsEncryptor} with the example certificates: one signature per recipient, one encryption per recipient,
 * as one outbound report to Europol (EC), the Irish SPOC (RSA-3072) and the NCA (EC) takes them.
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:java -Dexec.mainClass=uk.xborder.gateway.bench.CryptoProviderBenchmark}
 * from the project directory (it reads {@code certs-example/} and {@code examples/}).
 */
public final class CryptoProviderBenchmark {

    private static final int ROUNDS = 5;
    private static volatile Object sink;

    private CryptoProviderBenchmark() {
    }

    private interface Operation {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        SecureRandom random = new SecureRandom();
        byte[] data = new byte[6_000];
        random.nextBytes(data);
        System.out.println("Crypto providers, ms per operation (best of " + ROUNDS + " rounds):");
        for (String provider : new String[] {"BC", "SunEC"}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair ours = generator.generateKeyPair();
            // A peer key decoded afresh each time, as a recipient's certificate key is: no cached precomputation.
            byte[] peerEncoded = generator.generateKeyPair().getPublic().getEncoded();
            time(provider + " P-256 key pair", 300, () -> sink = generator.generateKeyPair());
            time(provider + " SHA256withECDSA sign 6 KB", 300, () -> {
                Signature signature = Signature.getInstance("SHA256withECDSA", provider);
                signature.initSign(ours.getPrivate(), random);
                signature.update(data);
                sink = signature.sign();
            });
            time(provider + " ECDH P-256", 300, () -> {
                KeyAgreement agreement = KeyAgreement.getInstance("ECDH", provider);
                agreement.init(ours.getPrivate());
                agreement.doPhase(java.security.KeyFactory.getInstance("EC", provider)
                        .generatePublic(new java.security.spec.X509EncodedKeySpec(peerEncoded)), true);
                sink = agreement.generateSecret();
            });
        }
        for (String provider : new String[] {"BC", "SunJCE"}) {
            SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
            time(provider + " AES-256-GCM 6 KB", 2_000, () -> {
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                sink = cipher.doFinal(data);
            });
        }

        Path certs = Path.of("certs-example");
        SigningIdentity gateway = SigningIdentity.fromPem(certs.resolve("gateway/cert.pem"),
                certs.resolve("gateway/key.pem"), null);
        CmsSigner signer = CmsSigner.create(gateway);
        CmsEncryptor encryptor = CmsEncryptor.create();
        byte[] report = Files.readAllBytes(Path.of("examples/europol/valid/europol-hit-basic-protection.xml"));
        byte[] signed = signer.sign(report);
        System.out.println("The gateway's CMS steps (Bouncy Castle), ms per operation:");
        double sign = time("CmsSigner.sign", 500, () -> sink = signer.sign(report));
        double total = 3 * sign;
        for (String partner : new String[] {"europol", "spoc-ie", "nca"}) {
            X509Certificate certificate = Certificates.readCertificate(certs.resolve(partner + "/cert.pem"));
            total += time("CmsEncryptor.encrypt for " + partner + " (" + certificate.getPublicKey().getAlgorithm()
                    + ")", 500, () -> sink = encryptor.encrypt(signed, certificate));
        }
        System.out.printf(Locale.ROOT, "one report to three recipients: %.2f ms of crypto%n", total);
    }

    private static double time(String name, int count, Operation operation) throws Exception {
        for (int i = 0; i < count; i++) {
            operation.run();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                operation.run();
            }
            best = Math.min(best, System.nanoTime() - started);
        }
        double millis = best / 1e6 / count;
        System.out.printf(Locale.ROOT, "  %-44s %8.3f%n", name, millis);
        return millis;
    }
}
