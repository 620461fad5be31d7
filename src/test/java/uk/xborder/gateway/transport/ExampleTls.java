package uk.xborder.gateway.transport;

import java.math.BigInteger;
import java.net.Socket;
import java.security.PrivateKey;
import java.security.Principal;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.crypto.TlsKeys;
import uk.xborder.gateway.testsupport.RunningGateway;

/** TLS material for the transport's tests: the example PKI's parties, and a CA nobody trusts. */
final class ExampleTls {

    private ExampleTls() {
    }

    static Path certs(String relative) {
        return RunningGateway.projectDirectory().resolve("certs-example").resolve(relative);
    }

    /** A party's TLS identity ({@code <party>/tls/}). */
    static X509KeyManager tlsKey(String party) throws Exception {
        return TlsKeys.keyManager(SigningIdentity.fromPem(certs(party + "/tls/cert.pem"),
                certs(party + "/tls/key.pem"), null));
    }

    /** A party's message identity ({@code <party>/cert.pem}), which a client may also present. */
    static X509KeyManager messageKey(String party) throws Exception {
        return TlsKeys.keyManager(SigningIdentity.fromPem(certs(party + "/cert.pem"), certs(party + "/key.pem"),
                null));
    }

    static X500Principal subjectOf(String certificate) throws Exception {
        return Certificates.readCertificate(certs(certificate)).getSubjectX500Principal();
    }

    /** A client or server context presenting {@code key} (null: no certificate) and trusting the given roots. */
    static SSLContext context(X509KeyManager key, String... trustedRoots) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(key == null ? null : new KeyManager[] {key}, new TrustManager[] {trustManager(trustedRoots)},
                null);
        return context;
    }

    /** Trust in the given roots of the example PKI (no revocation checks: the tests' own peers). */
    static X509TrustManager trustManager(String... trustedRoots) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (String root : trustedRoots) {
            trust.setCertificateEntry(root, Certificates.readCertificate(certs(root + "/cert.pem")));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        return (X509TrustManager) trustManagers.getTrustManagers()[0];
    }

    /**
     * A certificate issued by a CA of its own, with the subject of a real partner: what an impostor would present.
     */
    static X509KeyManager untrustedImpostorOf(X500Principal subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair leafKeys = generator.generateKeyPair();
        X500Principal caName = new X500Principal("CN=untrusted-root,O=Nobody (test),C=NL");
        Date from = Date.from(Instant.now().minus(Duration.ofDays(1)));
        Date until = Date.from(Instant.now().plus(Duration.ofDays(30)));

        JcaX509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, until, caName,
                caKeys.getPublic());
        ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate caCert = new JcaX509CertificateConverter().getCertificate(
                ca.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));

        JcaX509v3CertificateBuilder leaf = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, until,
                subject, leafKeys.getPublic());
        leaf.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        leaf.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        leaf.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        X509Certificate leafCert = new JcaX509CertificateConverter().getCertificate(
                leaf.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        return insistent(TlsKeys.keyManager(SigningIdentity.of(leafKeys.getPrivate(), leafCert, List.of(caCert))));
    }

    /**
     * A client key manager that presents its certificate even when its issuer is not among those the server asks
     * for (the JDK's own would then send none), as an impostor's client would.
     */
    static X509KeyManager insistent(X509KeyManager keys) {
        String alias = keys.getClientAliases("EC", null)[0];
        return new X509ExtendedKeyManager() {
            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return alias;
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return alias;
            }

            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {alias};
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String name) {
                return keys.getCertificateChain(name);
            }

            @Override
            public PrivateKey getPrivateKey(String name) {
                return keys.getPrivateKey(name);
            }
        };
    }
}
