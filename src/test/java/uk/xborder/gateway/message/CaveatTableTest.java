package uk.xborder.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The caveat table as shipped: every caveat with its audience, held literally here, so that an edit of an audience
 * fails this test as well as needing the table's review; and the same table read from the jar and from the
 * project's {@code tables/} directory.
 */
class CaveatTableTest {

    private static final CaveatTable TABLE = CaveatTable.loadDefault();

    /** Every caveat of tables/caveats.csv 2026.1 and the jurisdictions it admits, in the table's order. */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "UK EYES ONLY", List.of("UK"),
            "UKEO", List.of("UK"),
            "UK/IE EYES ONLY", List.of("UK", "IE"),
            "UK/US EYES ONLY", List.of("UK", "US"),
            "REL TO UK", List.of("UK"),
            "RELEASABLE TO EUROPOL", List.of("UK", "EU"));

    @Test
    void everyCaveatHasItsAudience() {
        EXPECTED.forEach((caveat, audience) -> assertThat(TABLE.find(caveat)).as(caveat).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo(caveat);
            assertThat(c.audience()).containsExactlyElementsOf(audience);
            assertThat(c.rationale()).isNotBlank();
        }));
    }

    @Test
    void theTableHoldsNoOtherCaveat() throws IOException {
        List<String> names = Files.readAllLines(TestTables.realDir().resolve("caveats.csv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank()).skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void admitsOnlyTheJurisdictionsOfTheAudience() {
        CaveatTable.Caveat ukIe = TABLE.find("UK/IE EYES ONLY").orElseThrow();
        assertThat(ukIe.admits("UK")).isTrue();
        assertThat(ukIe.admits("IE")).isTrue();
        assertThat(ukIe.admits("EU")).isFalse();
        assertThat(ukIe.admits("ie")).isFalse();
        assertThat(ukIe.admits(null)).isFalse();
    }

    @Test
    void unknownCaveatsAreNotFound() {
        assertThat(TABLE.find("NOFORN")).isEmpty();
        assertThat(TABLE.find("uk eyes only")).as("matched exactly").isEmpty();
        assertThat(TABLE.find("UK EYES ONLY ")).isEmpty();
        assertThat(TABLE.find(null)).isEmpty();
    }

    @Test
    void theLoaderAcceptsExactlyTheCaveatsTheCanonicalSchemaAccepts() throws IOException {
        String xsd = Files.readString(TestTables.realDir().resolveSibling("schemas").resolve("canonical-message.xsd"));
        Matcher m = Pattern.compile("<xs:simpleType name=\"CaveatToken\">.*?<xs:pattern value=\"([^\"]+)\"",
                Pattern.DOTALL).matcher(xsd);
        assertThat(m.find()).isTrue();
        assertThat(CaveatTable.CAVEAT.pattern()).isEqualTo(m.group(1));
    }

    @Test
    void theJarAndTheProjectHoldTheSameTable() {
        Path dir = TestTables.realDir();
        CaveatTable fromDirectory = CaveatTable.load(dir);
        assertThat(fromDirectory.version()).isEqualTo(TABLE.version()).isEqualTo("caveats=2026.1");
        EXPECTED.keySet().forEach(c -> assertThat(fromDirectory.find(c)).isEqualTo(TABLE.find(c)));
    }
}
