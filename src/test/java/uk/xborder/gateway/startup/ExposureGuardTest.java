package uk.xborder.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.api.PasswordHashing;
import uk.xborder.gateway.settings.GatewaySettings;
import uk.xborder.gateway.settings.SettingsException;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.TestCa;

/**
 * A gateway on its own machine may run on the example PKI and users; one that others can reach may not, and one whose
 * HTTP port is beyond the loopback must serve it with TLS. Settings as the gateway reads them (the packaged
 * application.properties), with the changes each test makes.
 */
class ExposureGuardTest {

    private static final Path BASE = RunningGateway.projectDirectory();
    private static final String EXAMPLE_TLS = "certs-example/police-scotland/tls/";

    @TempDir
    Path dir;

    @Test
    void theShippedSettingsStartOnTheLoopbackWithTheExamples() {
        assertThatCode(() -> ExposureGuard.check(settings(Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void anHttpPortBeyondTheLoopbackWithoutTlsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ExposureGuard.check(settings(Map.of("gateway.api.host", "0.0.0.0"))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gateway.api.tls.certificate")
                .hasMessageContaining("gateway.api.host is 0.0.0.0");
        assertThat(((SettingsException) catchThrowable(Map.of("gateway.api.host", "192.0.2.10"))).setting())
                .isEqualTo("gateway.api.tls.certificate");
    }

    @Test
    void aReachableGatewayOnTheExamplesIsToldEveryFileToReplace() {
        ExampleMaterialException refused = (ExampleMaterialException) catchThrowable(Map.of(
                "gateway.api.host", "0.0.0.0",
                "gateway.api.tls.certificate", EXAMPLE_TLS + "cert.pem",
                "gateway.api.tls.key", EXAMPLE_TLS + "key.pem"));

        assertThat(refused.getMessage()).contains("gateway.api.host is 0.0.0.0, beyond the loopback");
        assertThat(refused.findings()).anySatisfy(f -> assertThat(f)
                .startsWith("gateway.identity.certificate (" + BASE.resolve("certs-example/gateway/cert.pem"))
                .contains("holds the example certs-example/gateway/cert.pem"));
        assertThat(refused.findings()).anySatisfy(f -> assertThat(f).startsWith("gateway.audit.identity.certificate")
                .contains("certs-example/audit/cert.pem"));
        assertThat(refused.findings()).anySatisfy(f -> assertThat(f).startsWith("gateway.api.tls.certificate")
                .contains("certs-example/police-scotland/tls/cert.pem"));
        assertThat(refused.findings()).anySatisfy(f -> assertThat(f).startsWith("gateway.partners.trust")
                .contains("certs-example/eu-root-ca/cert.pem"));
        assertThat(refused.findings()).anySatisfy(f -> assertThat(f).startsWith("gateway.audit.trust")
                .contains("certs-example/uk-root-ca/cert.pem"));
        assertThat(refused.findings()).anySatisfy(f -> assertThat(f).startsWith("the partner directory")
                .contains("partner europol the example certificate certs-example/europol/cert.pem"));
        assertThat(refused.findings()).anySatisfy(f -> assertThat(f).contains("partner spoc-ie the example trust "
                + "anchor certs-example/eu-root-ca/cert.pem"));
        assertThat(refused.findings()).anySatisfy(f -> assertThat(f).startsWith("gateway.api.users")
                .contains("the example users auditor, operator, admin"));
        assertThat(refused.getMessage()).doesNotContain("BEGIN", "$2y$");
    }

    @Test
    void eachWayOfBeingReachableCounts() {
        Map<String, Map<String, String>> ways = Map.of(
                "gateway.broker.embedded.host is 0.0.0.0", Map.of("gateway.broker.embedded.host", "0.0.0.0"),
                "gateway.https.host is 10.0.0.5", Map.of("gateway.https.enabled", "true", "gateway.https.host",
                        "10.0.0.5", "gateway.https.certificate", EXAMPLE_TLS + "cert.pem", "gateway.https.key",
                        EXAMPLE_TLS + "key.pem"),
                "gateway.broker.url reaches a broker on another host (artemis)", Map.of("gateway.broker.embedded",
                        "false", "gateway.broker.url", "tcp://artemis:61616?reconnectAttempts=-1"),
                "gateway.audit.store.url reaches a database on another host (postgres)",
                Map.of("gateway.audit.store.url", "jdbc:postgresql://postgres:5432/gateway"),
                "gateway.partner-broker.europol-broker.url reaches a partner's broker on another host "
                        + "(mq.europol.example)", Map.of("gateway.partner-brokers", "europol-broker",
                        "gateway.partner-broker.europol-broker.url", "tcp://mq.europol.example:61617"));

        ways.forEach((reason, change) -> assertThat(catchThrowable(change)).as(reason)
                .isInstanceOf(ExampleMaterialException.class).hasMessageContaining(reason));
    }

    @Test
    void aBrokerOrDatabaseOnThisHostsLoopbackDoesNotCount() throws Exception {
        // the database is not the embedded one, so the exchange store needs a key of its own (tested below)
        assertThatCode(() -> ExposureGuard.check(settings(Map.of("gateway.broker.embedded", "false",
                "gateway.broker.url", "tcp://127.0.0.1:61617", "gateway.audit.store.url",
                "jdbc:postgresql://localhost:5432/gateway", "gateway.store.key-file", ownStoreKey().toString()))))
                .doesNotThrowAnyException();
    }

    @Test
    void theGeneratedStoreKeyIsForTheEmbeddedDefaultOnTheLoopbackOnly() throws Exception {
        assertThatCode(() -> ExposureGuard.check(settings(Map.of()))).as("embedded, loopback")
                .doesNotThrowAnyException();

        SettingsException external = (SettingsException) catchThrowable(Map.of("gateway.audit.store.url",
                "jdbc:postgresql://localhost:5432/gateway"));
        assertThat(external.setting()).isEqualTo("gateway.store.key-file");
        assertThat(external.getMessage()).contains("gateway.store.key-env", "exchange-store.key",
                "gateway.audit.store.url", "every node sharing it needs the same key");

        Path own = ownPki();
        Map<String, String> reachable = new HashMap<>(ownMaterial(own));
        SettingsException exposed = (SettingsException) catchThrowable(reachable);
        assertThat(exposed.setting()).isEqualTo("gateway.store.key-file");
        assertThat(exposed.getMessage()).contains("reachable from beyond this host",
                "gateway.broker.embedded.host is 0.0.0.0");

        // a key file of its own, but in the data directory, is refused the same way
        Path dataDir = Files.createDirectories(dir.resolve("data"));
        Path inData = Files.writeString(dataDir.resolve("my.key"), "not read by the guard");
        reachable.put("gateway.data-dir", dataDir.toString());
        reachable.put("gateway.store.key-file", inData.toString());
        assertThat(catchThrowable(reachable)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("names " + inData + ", in the data directory");

        reachable.put("gateway.store.key-file", ownStoreKey().toString());
        assertThatCode(() -> ExposureGuard.check(settings(reachable))).doesNotThrowAnyException();
    }

    @Test
    void anExampleCertificateIsRecognisedWhereverItIsCopied() throws Exception {
        Path copy = Files.copy(BASE.resolve("certs-example/gateway/cert.pem"), dir.resolve("our-gateway.pem"));

        ExampleMaterialException refused = (ExampleMaterialException) catchThrowable(Map.of(
                "gateway.broker.embedded.host", "0.0.0.0", "gateway.identity.certificate", copy.toString()));

        assertThat(refused.findings()).anySatisfy(f -> assertThat(f)
                .isEqualTo("gateway.identity.certificate (" + copy + ") holds the example "
                        + "certs-example/gateway/cert.pem"));
    }

    @Test
    void aReachableGatewayWithMaterialOfItsOwnStarts() throws Exception {
        Map<String, String> change = ownMaterial(ownPki());
        change.put("gateway.store.key-file", ownStoreKey().toString());

        assertThatCode(() -> ExposureGuard.check(settings(change))).doesNotThrowAnyException();

        // and one example file left among them is found
        change.put("gateway.audit.trust", BASE.resolve("certs-example/uk-root-ca/cert.pem").toString());
        assertThat(((ExampleMaterialException) catchThrowable(change)).findings()).singleElement()
                .satisfies(f -> assertThat(f).startsWith("gateway.audit.trust"));
    }

    /** An exchange store key outside the data directory (the guard does not read it). */
    private Path ownStoreKey() throws Exception {
        return Files.writeString(dir.resolve("exchange-store.key"), "read when the store opens");
    }

    /** Settings of a reachable gateway on material of its own. */
    private Map<String, String> ownMaterial(Path own) throws Exception {
        char[] password = "a password of our own".toCharArray();
        Path users = Files.writeString(dir.resolve("users.yaml"), "users:\n  - username: auditor\n    role: auditor\n"
                + "    passwordHash: \"" + PasswordHashing.hash(password, PasswordHashing.MIN_COST) + "\"\n");
        Path directory = Files.writeString(dir.resolve("directory.yaml"), Files.readString(
                BASE.resolve("config/directory.yaml")).replace("../certs-example", own.toString()));
        Map<String, String> change = new HashMap<>();
        change.put("gateway.api.host", "0.0.0.0");
        change.put("gateway.api.tls.certificate", own.resolve("tls/cert.pem").toString());
        change.put("gateway.api.tls.key", own.resolve("tls/key.pem").toString());
        change.put("gateway.broker.embedded.host", "0.0.0.0");
        change.put("gateway.identity.certificate", own.resolve("gateway/cert.pem").toString());
        change.put("gateway.audit.identity.certificate", own.resolve("audit/cert.pem").toString());
        change.put("gateway.partners.trust", own.resolve("uk-root-ca/cert.pem") + "," + own.resolve(
                "eu-root-ca/cert.pem"));
        change.put("gateway.audit.trust", own.resolve("uk-root-ca/cert.pem").toString());
        change.put("gateway.directory", directory.toString());
        change.put("gateway.api.users", users.toString());
        return change;
    }

    /** Fresh certificates in the example's layout (the guard reads certificates, not the keys beside them). */
    private Path ownPki() throws Exception {
        Path own = Files.createDirectories(dir.resolve("pki"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String root : new String[] {"uk-root-ca", "eu-root-ca"}) {
            TestCa ca = TestCa.create(root, now, now.plus(365, ChronoUnit.DAYS));
            Files.createDirectories(own.resolve(root));
            TestCa.writePem(own.resolve(root).resolve("cert.pem"), ca.certificate());
            Files.copy(BASE.resolve("certs-example").resolve(root).resolve("crl.pem"),
                    own.resolve(root).resolve("crl.pem"));
            for (String party : root.equals("uk-root-ca") ? new String[] {"gateway", "audit", "nca",
                    "police-scotland", "tls"} : new String[] {"europol", "spoc-ie"}) {
                Files.createDirectories(own.resolve(party));
                TestCa.writePem(own.resolve(party).resolve("cert.pem"), ca.issue(party, now,
                        now.plus(300, ChronoUnit.DAYS), TestCa.EC_PARTY_USAGE), ca.certificate());
            }
        }
        return own;
    }

    private static Throwable catchThrowable(Map<String, String> change) {
        return org.assertj.core.api.Assertions.catchThrowable(() -> ExposureGuard.check(settings(change)));
    }

    /** The packaged settings with these changed, relative paths resolved in the repository, as the gateway reads them. */
    static GatewaySettings settings(Map<String, String> change) {
        DefaultCamelContext context = new DefaultCamelContext(false);
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.setLocation("classpath:application.properties");
        Properties overrides = new Properties();
        overrides.put("gateway.home", BASE.toString());
        overrides.putAll(change);
        properties.setOverrideProperties(overrides);
        context.build();
        return GatewaySettings.from(properties);
    }
}
