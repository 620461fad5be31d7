package uk.xborder.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.testsupport.RunningGateway;

/** The default directory loads as documented, and a doubtful directory stops the gateway with a clear reason. */
class PartyDirectoryLoaderTest {

    private static final Set<String> FORMATS = Set.of("police-scotland-ir-1", "uk-agency-5x5x5-1", "europol-ie-1");
    private final PartyDirectoryLoader loader = new PartyDirectoryLoader(FORMATS::contains,
            MarkingTable.loadDefault()::isKnown);

    @TempDir
    Path dir;

    @Test
    void theDefaultDirectoryNamesTheDefaultAgenciesAndPartners() {
        PartyDirectory directory = loader.load(RunningGateway.projectDirectory().resolve("config/directory.yaml"));
        assertThat(directory.agencies()).extracting(Agency::id).containsExactly("police-scotland", "nca");
        assertThat(directory.partners()).extracting(Partner::id)
                .contains("europol", "spoc-ie", "nca");
        Partner europol = directory.partner("europol").orElseThrow();
        assertThat(europol.isOutsideUnitedKingdom()).isTrue();
        assertThat(europol.endpoint()).isEqualTo("jms:queue:gw.partner.europol.out");
        assertThat(europol.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(directory.partner("spoc-ie").orElseThrow().certificate().getPublicKey().getAlgorithm())
                .isEqualTo("RSA");
        assertThat(europol.highestMarking()).isEqualTo(new Marking(ClassificationScheme.EU, "SECRET-UE"));
        assertThat(europol.mayReceiveHandling(GradingScheme.UK_5X5X5, "1")).isTrue();
        assertThat(europol.mayReceiveHandling(GradingScheme.UK_5X5X5, "4")).isFalse();
        assertThat(directory.partner("nca").orElseThrow().isOutsideUnitedKingdom()).isFalse();
    }

    @Test
    void aDuplicatePartnerIsRefused() throws Exception {
        assertInvalid(partner("europol", "europol-ie-1", "EU", "SECRET-UE") + partner("europol", "europol-ie-1",
                "EU", "SECRET-UE"), "listed twice");
    }

    @Test
    void anUnknownFormatIsRefused() throws Exception {
        assertInvalid(partner("europol", "siena-9", "EU", "SECRET-UE"), "unknown format 'siena-9'");
    }

    @Test
    void anUnknownMarkingIsRefused() throws Exception {
        assertInvalid(partner("europol", "europol-ie-1", "EU", "SECRET"), "unknown highest marking EU SECRET");
    }

    @Test
    void anUnreadableCertificateIsRefused() throws Exception {
        assertInvalid(partner("europol", "europol-ie-1", "EU", "SECRET-UE")
                .replace("europol/cert.pem", "nobody/cert.pem"), "certificate of partner 'europol'");
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() throws Exception {
        assertInvalid(partner("europol", "europol-ie-1", "EU", "SECRET-UE").replace("    jurisdiction:",
                "    jurisdicton: EU\n    jurisdiction:"), "jurisdicton");
    }

    @Test
    void aPartnersRetryPolicyOverridesTheGatewaysDefaultsFieldByField() throws Exception {
        RetryPolicy defaults = new RetryPolicy(RetryPolicy.BackOff.PROGRESSIVE, Duration.ofSeconds(30),
                Duration.ofMinutes(10), 6, 0.2);
        Path file = dir.resolve("directory.yaml");
        Files.writeString(file, "version: 1\nagencies:\n  - id: police-scotland\n    format: police-scotland-ir-1\n"
                + "partners:\n" + partner("europol", "europol-ie-1", "EU", "SECRET-UE")
                + "    retry: { maxAttempts: 3, backOff: constant, initialDelay: PT5S }\n"
                + partner("spoc-ie", "europol-ie-1", "EU", "SECRET-UE"));

        PartyDirectory directory = new PartyDirectoryLoader(FORMATS::contains, MarkingTable.loadDefault()::isKnown,
                defaults).load(file);

        assertThat(directory.partner("europol").orElseThrow().retry()).isEqualTo(new RetryPolicy(
                RetryPolicy.BackOff.CONSTANT, Duration.ofSeconds(5), Duration.ofMinutes(10), 3, 0.2));
        assertThat(directory.partner("spoc-ie").orElseThrow().retry()).isEqualTo(defaults);
    }

    @Test
    void aRetryPolicyThatCannotBeUsedIsRefusedNamingThePartnerAndTheField() throws Exception {
        String europol = partner("europol", "europol-ie-1", "EU", "SECRET-UE");
        assertInvalid(europol + "    retry: { maxAttempts: 0 }\n", "partner 'europol' retry.maxAttempts must be at"
                + " least 1");
        assertInvalid(europol + "    retry: { backOff: sometimes }\n", "partner 'europol' retry.backOff must be"
                + " constant or progressive, not 'sometimes'");
        assertInvalid(europol + "    retry: { initialDelay: 5s }\n", "partner 'europol' retry.initialDelay is not an"
                + " ISO-8601 duration");
        assertInvalid(europol + "    retry: { initialDelay: PT0S }\n", "partner 'europol' retry.initialDelay must be"
                + " positive");
        assertInvalid(europol + "    retry: { initialDelay: PT1M, maxDelay: PT10S }\n", "partner 'europol'"
                + " retry.maxDelay (PT10S) must not be shorter than initialDelay (PT1M)");
        assertInvalid(europol + "    retry: { initialDelay: PT1H }\n", "maxDelay is the gateway's default: give it"
                + " for this partner too");
        assertInvalid(europol + "    retry: { jitter: 1.5 }\n", "partner 'europol' retry.jitter must be at least 0"
                + " and less than 1");
        assertInvalid(europol + "    retry: { attempts: 3 }\n", "attempts");
    }

    private void assertInvalid(String partners, String expected) throws Exception {
        Path file = dir.resolve("directory.yaml");
        Files.writeString(file, "version: 1\nagencies:\n  - id: police-scotland\n    format: police-scotland-ir-1\n"
                + "partners:\n" + partners);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidDirectoryException.class)
                .hasMessageContaining(expected);
    }

    private static String partner(String id, String format, String scheme, String level) {
        String certs = RunningGateway.projectDirectory().resolve("certs-example").toString();
        return "  - id: " + id + "\n    jurisdiction: EU\n    format: " + format
                + "\n    endpoint: jms:queue:gw.partner." + id + ".out\n    certificate: " + certs + "/" + id
                + "/cert.pem\n    highestMarking: { scheme: " + scheme + ", level: " + level + " }\n";
    }
}
