package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The patterns rewritten to run in bounded time accept what they accepted before, together with the rest of their
 * type: each type of every public schema that uses a rewritten pattern is compiled twice, as it is and with the
 * pattern it had before, and both must agree on thousands of generated values (and on chosen edge cases). The one
 * documented difference: a timestamp with more than twelve fraction digits, which no gateway type holds anyway, is
 * now refused by the schema instead of after it.
 */
class RewrittenPatternsTest {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final int SAMPLES = 2000;

    /** The patterns as they were, and how to recognise the rewrite of each. */
    private static final String OLD_TIMESTAMP = ".+T.+(Z|[+\\-][0-9]{2}:[0-9]{2})";
    private static final String OLD_TEXT = "\\S(.*\\S)?";
    private static final String OLD_PARTY_ID = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    private static final Pattern NEW_TEXT = Pattern.compile(Pattern.quote("\\S(.{0,") + "\\d+" + Pattern.quote("}\\S)?"));
    private static final Pattern NEW_PARTY_ID =
            Pattern.compile(Pattern.quote("[a-z]([a-z0-9]|-[a-z0-9]){0,") + "\\d+" + Pattern.quote("}"));
    private static final Pattern FRACTION = Pattern.compile("\\.([0-9]*)");

    enum Kind {
        TIMESTAMP(OLD_TIMESTAMP, RewrittenPatternsTest::timestamp),
        TEXT(OLD_TEXT, RewrittenPatternsTest::text),
        PARTY_ID(OLD_PARTY_ID, RewrittenPatternsTest::partyId);

        final String oldPattern;
        final Function<Random, String> values;

        Kind(String oldPattern, Function<Random, String> values) {
            this.oldPattern = oldPattern;
            this.values = values;
        }

        static Kind of(String pattern) {
            if (pattern.startsWith("-?[0-9]{4,10}-")) {
                return TIMESTAMP;
            }
            if (NEW_TEXT.matcher(pattern).matches()) {
                return TEXT;
            }
            return NEW_PARTY_ID.matcher(pattern).matches() ? PARTY_ID : null;
        }
    }

    /** Each distinct rewritten type once (the same type in several schemas is compared once), with its names. */
    static Stream<Arguments> rewrittenTypes() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Object[]> types = new LinkedHashMap<>();
        for (SchemaFields schema : SchemaFields.ofEveryPublicSchema()) {
            for (Map.Entry<String, Element> type : schema.simpleTypes().entrySet()) {
                Element pattern = firstPattern(type.getValue());
                Kind kind = pattern == null ? null : Kind.of(pattern.getAttribute("value"));
                if (kind != null) {
                    String facets = facets(type.getValue());
                    names.computeIfAbsent(facets, f -> new ArrayList<>()).add(schema.schema().id() + " " + type.getKey());
                    types.putIfAbsent(facets, new Object[] {kind, type.getValue()});
                }
            }
        }
        return types.entrySet().stream().map(e -> Arguments.of(String.join(", ", names.get(e.getKey())),
                e.getValue()[0], e.getValue()[1]));
    }

    /** The restriction's base and facets, which decide what the type accepts. */
    private static String facets(Element type) {
        Element restriction = (Element) type.getElementsByTagNameNS(XS, "restriction").item(0);
        StringBuilder facets = new StringBuilder(restriction.getAttribute("base"));
        for (var node = restriction.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element facet) {
                facets.append(' ').append(facet.getLocalName()).append('=').append(facet.getAttribute("value"));
            }
        }
        return facets.toString();
    }

    @Test
    void everyRewrittenPatternIsFoundInTheSchemas() {
        assertThat(rewrittenTypes().map(a -> (Kind) a.get()[1]).distinct()).containsExactlyInAnyOrder(Kind.values());
        // No schema keeps an old pattern.
        for (SchemaFields schema : SchemaFields.ofEveryPublicSchema()) {
            assertThat(schema.patterns()).as(schema.schema().id())
                    .doesNotContain(OLD_TIMESTAMP, OLD_TEXT, OLD_PARTY_ID);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrittenTypes")
    void acceptsWhatTheOldPatternAccepted(String name, Kind kind, Element type) throws Exception {
        Validator now = validator(type, null);
        Validator before = validator(type, kind.oldPattern);
        Random random = new Random(42);
        List<String> values = new ArrayList<>(edgeCases(kind));
        for (int i = 0; i < SAMPLES; i++) {
            values.add(kind.values.apply(random));
        }
        int accepted = 0;
        for (String value : values) {
            boolean acceptedNow = accepts(now, value);
            boolean acceptedBefore = accepts(before, value);
            if (kind == Kind.TIMESTAMP && acceptedBefore && fractionDigits(value) > 12) {
                assertThat(acceptedNow).as("more than twelve fraction digits: %s", value).isFalse();
                continue;
            }
            assertThat(acceptedNow).as("%s: %s", name, printable(value)).isEqualTo(acceptedBefore);
            accepted += acceptedNow ? 1 : 0;
        }
        // The generators make both kinds of value, so the comparison means something.
        assertThat(accepted).as("accepted values").isBetween(values.size() / 10, values.size() * 9 / 10);
    }

    private static List<String> edgeCases(Kind kind) {
        return switch (kind) {
            case TIMESTAMP -> List.of("2026-11-25T09:14:00Z", "2026-11-25T09:14:00+01:00", "2026-11-25T09:14:00",
                    "-0001-01-01T00:00:00Z", "2147483647-12-31T23:59:59Z", "12345-01-01T00:00:00Z",
                    "2026-11-25T24:00:00Z", "2026-11-25T09:14:00.123456789012Z", "2026-11-25T09:14:00.Z",
                    " 2026-11-25T09:14:00Z ", "2026-11-25T09:14:00+14:00", "2026-11-25T09:14:00+14:01",
                    "2026-11-25T09:14:00-00:00", "2026-11-25T09:14:00+01:00:00", "2026-11-25 09:14:00Z",
                    "02026-11-25T09:14:00Z", "2026-11-25T09:14Z");
            case TEXT -> List.of("a", " a", "a ", "a b", "a\tb", "a\nb", "\u00e9", "\u00a0", "a\u00a0", "\ud834\udd1e",
                    "x".repeat(200), "x".repeat(201), "x".repeat(1000), "x".repeat(1001), "a" + " ".repeat(148) + "b");
            case PARTY_ID -> List.of("a", "a-b", "a--b", "a-", "-a", "1a", "police-scotland", "spoc-ie", "a".repeat(64),
                    "a".repeat(65), "a-".repeat(31) + "ab", "A", " a ");
        };
    }

    /** A timestamp, valid in about half the cases: a valid one, then a few edits that may break it. */
    private static String timestamp(Random random) {
        String year = random.nextInt(10) < 8 ? String.valueOf(1000 + random.nextInt(9000))
                : (random.nextInt(2) == 0 ? "-" : "") + digits(random, random.nextInt(13));
        String fraction = random.nextInt(3) == 0 ? "." + digits(random, random.nextInt(16)) : "";
        String value = year + "-" + twoDigits(random, 1, 12) + "-" + twoDigits(random, 1, 28) + "T"
                + twoDigits(random, 0, 23) + ":" + twoDigits(random, 0, 59) + ":" + twoDigits(random, 0, 59) + fraction
                + pick(random, "Z", "Z", "+01:00", "-05:30", "+14:00", "-00:00");
        if (random.nextBoolean()) {
            return value;
        }
        for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
            value = switch (random.nextInt(8)) {
                case 0 -> value.replace("T", pick(random, " ", "t", "TT", ""));
                case 1 -> value.replaceAll("(Z|[+\\-][0-9]{2}:[0-9]{2})$", pick(random, "", "z", "+1:00", "+01:00:00",
                        "T", "+14:01"));
                case 2 -> " " + value + " ";
                case 3 -> value.replaceFirst(":[0-9]{2}(?=[.Z+\\-]|$)", "");
                case 4 -> value.replaceFirst("-[0-9]{2}-", "-" + digits(random, 1) + "-");
                case 5 -> value.replace("T", "T" + twoDigits(random, 24, 99).substring(0, 1));
                case 6 -> "0" + value;
                default -> value.substring(0, random.nextInt(value.length() + 1));
            };
        }
        return value;
    }

    private static String twoDigits(Random random, int from, int to) {
        return String.format("%02d", from + random.nextInt(to - from + 1));
    }

    private static String text(Random random) {
        String[] alphabet = {"a", "b", " ", " ", "\t", "\n", "\r", "\u00e9", "\u00a0", "\ud834\udd1e"};
        int length = switch (random.nextInt(6)) {
            case 0 -> random.nextInt(4);
            case 1 -> 148 + random.nextInt(5);
            case 2 -> 198 + random.nextInt(5);
            case 3 -> 998 + random.nextInt(5);
            default -> random.nextInt(60);
        };
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // mostly letters, with white space and line breaks now and then, most often at the ends
            boolean end = i == 0 || i == length - 1;
            value.append(random.nextInt(end ? 4 : 40) == 0 ? alphabet[random.nextInt(alphabet.length)] : "a");
        }
        return value.toString();
    }

    /** A party id, valid in about half the cases: words and hyphens, then a few edits that may break it. */
    private static String partyId(Random random) {
        StringBuilder value = new StringBuilder(pick(random, "a", "police", "nca", "z9"));
        int words = random.nextInt(4) == 0 ? 20 : random.nextInt(4);
        for (int i = 0; i < words; i++) {
            value.append('-').append(pick(random, "scotland", "ie", "0", "x1"));
        }
        if (random.nextBoolean()) {
            return value.toString();
        }
        int at = random.nextInt(value.length() + 1);
        return switch (random.nextInt(6)) {
            case 0 -> value.insert(at, '-').toString();
            case 1 -> value.insert(at, pick(random, "A", "_", " ", ".")).toString();
            case 2 -> value.append('-').toString();
            case 3 -> "-" + value;
            case 4 -> "9" + value;
            default -> value.append("k".repeat(random.nextInt(70))).toString();
        };
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static int fractionDigits(String value) {
        Matcher fraction = FRACTION.matcher(value);
        return fraction.find() ? fraction.group(1).length() : 0;
    }

    private static String printable(String value) {
        return value.length() > 80 ? value.substring(0, 40) + "...(" + value.length() + " chars)" : value
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static boolean accepts(Validator validator, String value) throws Exception {
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace("\r", "&#13;");
        try {
            validator.validate(new StreamSource(new StringReader("<v>" + escaped + "</v>")));
            return true;
        } catch (SAXException refused) {
            return false;
        }
    }

    /** A schema of one element of this type, with its pattern replaced when one is given. */
    private static Validator validator(Element type, String replacementPattern) throws Exception {
        var document = javax.xml.parsers.DocumentBuilderFactory.newNSInstance().newDocumentBuilder().newDocument();
        Element schema = document.createElementNS(XS, "xs:schema");
        document.appendChild(schema);
        Element copy = (Element) document.importNode(type, true);
        if (replacementPattern != null) {
            firstPattern(copy).setAttribute("value", replacementPattern);
        }
        schema.appendChild(copy);
        Element element = document.createElementNS(XS, "xs:element");
        element.setAttribute("name", "v");
        element.setAttribute("type", type.getAttribute("name"));
        schema.appendChild(element);
        ByteArrayOutputStream xsd = new ByteArrayOutputStream();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(document), new StreamResult(xsd));
        Schema compiled = SchemaFactory.newInstance(XS).newSchema(
                new StreamSource(new java.io.ByteArrayInputStream(xsd.toByteArray())));
        return compiled.newValidator();
    }

    private static Element firstPattern(Element type) {
        var patterns = type.getElementsByTagNameNS(XS, "pattern");
        return patterns.getLength() == 0 ? null : (Element) patterns.item(0);
    }
}
