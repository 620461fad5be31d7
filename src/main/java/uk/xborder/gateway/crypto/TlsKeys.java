package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * A party identity as the key manager a TLS endpoint presents: the key stays inside this package and the JDK's key
 * manager, and the transport only ever holds the manager.
 */
public final class TlsKeys {

    private static final String ALIAS = "tls";

    private TlsKeys() {
    }

    /** The key manager that presents this identity's certificate and chain. */
    public static X509KeyManager keyManager(SigningIdentity identity) throws GeneralSecurityException {
        char[] password = randomPassword();
        try {
            KeyStore store = inMemoryKeyStore(identity, password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
            factory.init(store, password);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509KeyManager x509) {
                    return x509;
                }
            }
            throw new GeneralSecurityException("the JDK's PKIX key manager factory made no X.509 key manager");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * This identity as a keystore held only in memory, its key protected by {@code password}, for a TLS server
     * that builds its own key manager from a keystore (Camel's platform-http). The caller makes the password up and
     * forgets it once the server has its key manager; it protects nothing outside this process.
     */
    public static KeyStore inMemoryKeyStore(SigningIdentity identity, char[] password)
            throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<X509Certificate> chain = identity.certificateAndChain();
            store.setKeyEntry(ALIAS, identity.privateKey(), password, chain.toArray(new X509Certificate[0]));
            return store;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("could not hold the TLS key in memory", e);
        }
    }

    /** Letters only, so that no placeholder syntax of a framework that reads it can ever match. */
    public static char[] randomPassword() {
        char[] password = new char[32];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }
}
