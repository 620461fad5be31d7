package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;
import org.w3c.dom.Document;
import org.w3c.dom.Text;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * No value a sender can write makes validation slow. Every simple-valued field of every public schema, and every
 * pattern in them, is handed a multi-megabyte run of each pattern's worst case (a string the pattern's repeated
 * part keeps matching until a last character fails it), and must be refused within a bound far above what a linear
 * check needs and far below what a check that costs the square of the length takes (hours, at this size).
 *
 * <p>Fields and patterns are read from the schemas, so a field or pattern added later is covered without an edit.
 */
class CostlyValuesTest {

    /**
     * The bound, in CPU time of the thread that checks: a linear check needs a fraction of it, a quadratic one
     * hours. CPU time, not elapsed time, so that a machine busy with other work does not fail a fast check.
     */
    private static final Duration BOUND = Duration.ofSeconds(2);
    /** Elapsed time after which a check is taken for hung (it spends at most BOUND of CPU when it is not). */
    private static final Duration HUNG = Duration.ofSeconds(60);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int RUN_LENGTH = 2 * 1024 * 1024;

    /**
     * The worst cases of the patterns the schemas have had or have: each repeats what a pattern's unbounded or
     * longest part accepts, then ends in something no pattern accepts there ({@code !} and a line break, or a
     * fraction of a second far longer than any timestamp allows).
     */
    private static final Map<String, String> WORST_CASES = worstCases();

    /** Set once a validation overran the bound and is still running, so that later cases fail fast. */
    private static final AtomicBoolean STUCK = new AtomicBoolean();

    private static final SafeXmlParser PARSER = new SafeXmlParser();

    @BeforeEach
    void noValidationStillRunning() {
        assertThat(STUCK).as("an earlier validation overran the bound and is still running").isFalse();
    }

    static Stream<Arguments> fields() {
        List<Arguments> cases = new ArrayList<>();
        for (SchemaFields schema : SchemaFields.ofEveryPublicSchema()) {
            for (int i = 0; i < schema.fields().size(); i++) {
                cases.add(Arguments.of(schema.fields().get(i), schema, i));
            }
        }
        return cases.stream();
    }

    /** Each distinct pattern once, with the schemas it appears in. */
    static Stream<Arguments> patterns() {
        Map<String, List<String>> schemasByPattern = new LinkedHashMap<>();
        for (SchemaFields schema : SchemaFields.ofEveryPublicSchema()) {
            for (String pattern : schema.patterns()) {
                schemasByPattern.computeIfAbsent(pattern, p -> new ArrayList<>()).add(schema.schema().id());
            }
        }
        return schemasByPattern.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void everySchemaHasSimpleValuedFieldsToProbe() {
        for (SchemaFields schema : SchemaFields.ofEveryPublicSchema()) {
            assertThat(schema.fields()).as(schema.schema().id()).hasSizeGreaterThan(5);
        }
    }

    /**
     * Through the gateway's own validation: the value is put into a parsed document in place of a short one (the
     * parser's cost for long text is {@code SafeXmlParserTest}'s concern), then validated by the catalog.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void everyFieldRefusesEachWorstCaseQuickly(SchemaFields.Field field, SchemaFields schema, int index) {
        SchemaCatalog catalog = ProbeCatalogs.forFields(schema);
        String probe = SchemaFields.probeName(index);
        byte[] shortOne = ("<" + probe + " xmlns=\"" + schema.targetNamespace() + "\">x</" + probe + ">")
                .getBytes(StandardCharsets.UTF_8);
        WORST_CASES.forEach((name, run) -> {
            String what = field + " given " + name;
            Document document = PARSER.parse(shortOne);
            ((Text) document.getDocumentElement().getFirstChild()).setData(run);
            MessageRejectedException refusal = withinBound(what,
                    () -> catchThrowableOfType(MessageRejectedException.class,
                            () -> catalog.validate(document, schema.schema().id())));
            assertThat(refusal).as(what).isNotNull();
            assertThat(refusal.reason()).as(what).isEqualTo(ReasonCode.SCHEMA_INVALID);
            // An explanation that fits a status notice and quotes none of the value.
            assertThat(refusal.explanation()).as(what).hasSizeLessThan(2000).doesNotContain(run.substring(0, 16));
        });
    }

    /** The pattern on its own, in the JDK's validator, with no length facet to stop a value first. */
    @ParameterizedTest(name = "{0} (in {1})")
    @MethodSource("patterns")
    void everyPatternRefusesEachWorstCaseQuickly(String pattern, List<String> schemas) throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(
                new StreamSource(new StringReader(patternSchema(pattern))));
        WORST_CASES.forEach((name, run) -> {
            String what = pattern + " given " + name;
            List<String> errors = withinBound(what, () -> {
                Validator validator = schema.newValidator();
                List<String> reported = new ArrayList<>();
                validator.setErrorHandler(new DefaultHandler() {
                    @Override
                    public void error(SAXParseException e) {
                        reported.add(e.getMessage().substring(0, Math.min(40, e.getMessage().length())));
                    }
                });
                validator.validate(new StreamSource(new StringReader("<v>" + run + "</v>")));
                return reported;
            });
            assertThat(errors).as(what).first().asString().startsWith("cvc-pattern-valid");
        });
    }

    private static <T> T withinBound(String what, ThrowingSupplier<T> check) {
        try {
            return assertTimeoutPreemptively(HUNG, () -> {
                long before = THREADS.getCurrentThreadCpuTime();
                T result = check.get();
                Duration spent = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - before);
                assertThat(spent).as("CPU time to check " + what).isLessThanOrEqualTo(BOUND);
                return result;
            }, what);
        } catch (AssertionFailedError overran) {
            if (overran.getMessage() != null && overran.getMessage().contains("timed out")) {
                STUCK.set(true);
            }
            throw overran;
        }
    }

    private static String patternSchema(String pattern) {
        String escaped = pattern.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        return "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"v\"><xs:simpleType>"
                + "<xs:restriction base=\"xs:string\"><xs:pattern value=\"" + escaped + "\"/></xs:restriction>"
                + "</xs:simpleType></xs:element></xs:schema>";
    }

    private static Map<String, String> worstCases() {
        Map<String, String> cases = new LinkedHashMap<>();
        // .+T.+(Z|...): every T is a place to split at, and each split scans the rest for a time zone
        cases.put("a run of T", run("T"));
        // \S(.*\S)?: the run ends in a line break the dot refuses, after white space
        cases.put("words and spaces", run("a "));
        // [a-z][a-z0-9]*(-[a-z0-9]+)*: hyphenated parts, the last one empty
        cases.put("hyphenated parts", run("a-"));
        // years, sequence numbers, officer numbers, fraction digits
        cases.put("a run of digits", run("1"));
        cases.put("fraction digits of a timestamp", "2026-11-25T09:14:00." + run("1") + "Z");
        return cases;
    }

    private static String run(String unit) {
        return unit.repeat(RUN_LENGTH / unit.length()) + "!\n";
    }
}
