package uk.xborder.gateway.startup;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.xborder.gateway.api.UsersFile;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.settings.ApiSettings;
import uk.xborder.gateway.settings.GatewaySettings;
import uk.xborder.gateway.settings.HttpsSettings;
import uk.xborder.gateway.settings.IdentitySettings;
import uk.xborder.gateway.settings.SettingsException;
import uk.xborder.gateway.settings.StoreSettings;

/**
 * Checked before the gateway opens anything: what may run on a machine of one's own must not run where others can
 * reach it.
 *
 * <ul>
 * <li>The HTTP port beyond the loopback must serve TLS ({@code gateway.api.tls.*}): HTTP Basic sends the password
 * with every request.</li>
 * <li>A gateway that is reachable ({@link Exposure}) must not use the example PKI ({@link ExamplePki}: its own
 * identities, the CAs it trusts, the partners' certificates and anchors in the directory) or the example users
 * ({@link ExampleUsers}). Every such file is listed, with the setting that names it, in one
 * {@link ExampleMaterialException}.</li>
 * <li>The exchange store's key must be configured, outside the data directory, when the gateway is reachable or its
 * database is not the embedded one ({@code gateway.store.key-file}).</li>
 * </ul>
 */
public final class ExposureGuard {

    private final ExamplePki pki = ExamplePki.load();
    private final ExampleUsers exampleUsers = ExampleUsers.load();
    private final List<String> findings = new ArrayList<>();

    private ExposureGuard() {
    }

    /** Throws {@link SettingsException} or {@link ExampleMaterialException} when the gateway must not start. */
    public static void check(GatewaySettings settings) throws IOException, GeneralSecurityException {
        requireTlsBeyondLoopback(settings.api());
        Exposure exposure = Exposure.of(settings);
        if (exposure.reachable()) {
            ExposureGuard guard = new ExposureGuard();
            guard.inspect(settings);
            if (!guard.findings.isEmpty()) {
                throw new ExampleMaterialException(exposure, guard.findings);
            }
        }
        requireOwnStoreKey(settings, exposure);
    }

    private static void requireTlsBeyondLoopback(ApiSettings api) {
        if (api.tls().isEmpty() && !Loopback.isLoopback(api.host())) {
            throw new SettingsException("gateway.api.tls.certificate", "(or gateway.api.tls.pkcs12) must name the "
                    + "TLS certificate and key of the HTTP port: gateway.api.host is " + api.host() + ", beyond the "
                    + "loopback, and HTTP Basic would send every user's password in clear");
        }
    }

    /**
     * Decision: the exchange store's generated key (or any key file in the data directory) is for a gateway on its
     * own machine and its embedded database only. Reachable, the key would sit in the directory whose backups and
     * copies also carry the content it protects; on an external database, which other nodes may share, each node
     * would generate a key of its own and none could open what another sealed.
     */
    private static void requireOwnStoreKey(GatewaySettings settings, Exposure exposure) {
        StoreSettings store = settings.store();
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        boolean inDataDir = store.generatesKey() || (store.key().file() != null
                && store.key().file().toAbsolutePath().normalize().startsWith(dataDir));
        if (!inDataDir) {
            return;
        }
        boolean externalDatabase = !settings.audit().store().jdbcUrl().equals(AuditStoreSettings.embeddedUrl(dataDir));
        if (!exposure.reachable() && !externalDatabase) {
            return;
        }
        String why = exposure.reachable()
                ? "the gateway is reachable from beyond this host (" + String.join("; ", exposure.reasons()) + ")"
                : "the database is not the embedded one (gateway.audit.store.url), and every node sharing it needs "
                        + "the same key";
        throw new SettingsException("gateway.store.key-file", (store.generatesKey()
                ? "(or gateway.store.key-env) must name the exchange store's key: without it the key is generated in "
                        + store.generatedKeyFile()
                : "names " + store.key().file() + ", in the data directory " + dataDir)
                + ", beside what it protects, and " + why + ". Make a key outside the data directory (openssl rand "
                + "-base64 32 > FILE, readable by the gateway's user only) and name it");
    }

    private void inspect(GatewaySettings settings) throws IOException, GeneralSecurityException {
        identity("gateway.identity", settings.identity());
        identity("gateway.audit.identity", settings.audit().identity());
        HttpsSettings https = settings.https();
        if (https.identity().isPresent()) {
            identity("gateway.https", https.identity().get());
        }
        if (https.clientIdentity().isPresent() && !https.clientIdentity().equals(https.identity())) {
            identity("gateway.https.client", https.clientIdentity().get());
        }
        Optional<IdentitySettings> apiTls = settings.api().tls();
        if (apiTls.isPresent()) {
            identity("gateway.api.tls", apiTls.get());
        }
        for (IdentitySettings key : settings.inbound().extraDecryptionKeys()) {
            identity("gateway.inbound.decryption-keys", key);
        }
        trust("gateway.partners.trust", settings.certificates().partnerTrust());
        trust("gateway.audit.trust", settings.audit().trust());
        directory(settings.directoryFile());
        if (settings.api().enabled()) {
            List<String> names = exampleUsers.in(UsersFile.load(settings.api().usersFile()));
            if (!names.isEmpty()) {
                findings.add("gateway.api.users (" + settings.api().usersFile() + ") holds the example users "
                        + String.join(", ", names) + ", whose passwords are published: give each its own password");
            }
        }
    }

    /** An identity's certificate and chain; a PKCS#12 keystore is opened for them, with its password. */
    private void identity(String setting, IdentitySettings identity) throws IOException, GeneralSecurityException {
        if (identity.pkcs12() != null) {
            check(setting + ".pkcs12", identity.pkcs12(), identity.load().certificateAndChain());
        } else {
            check(setting + ".certificate", identity.certificate(),
                    Certificates.readCertificates(identity.certificate()));
        }
    }

    private void trust(String setting, List<Path> files) throws IOException, GeneralSecurityException {
        for (Path file : files) {
            check(setting, file, Certificates.readCertificates(file));
        }
    }

    private void directory(Path file) {
        // Only the certificates matter here; formats and markings are checked when the gateway loads it for use.
        PartyDirectory directory = new PartyDirectoryLoader(format -> true, (scheme, level) -> true).load(file);
        for (Partner partner : directory.partners()) {
            List<X509Certificate> certificates = new ArrayList<>(partner.trustAnchors());
            certificates.add(0, partner.certificate());
            for (X509Certificate certificate : certificates) {
                pki.exampleFileOf(certificate).ifPresent(example -> findings.add("the partner directory "
                        + "gateway.directory (" + file + ") gives partner " + partner.id() + " the example "
                        + (certificate == partner.certificate() ? "certificate " : "trust anchor ") + example));
            }
        }
    }

    private void check(String setting, Path file, List<X509Certificate> certificates) {
        for (X509Certificate certificate : certificates) {
            Optional<String> example = pki.exampleFileOf(certificate);
            if (example.isPresent()) {
                findings.add(setting + " (" + file + ") holds the example " + example.get()
                        + (certificates.indexOf(certificate) == 0 ? "" : " in its chain"));
                return;
            }
        }
    }
}
