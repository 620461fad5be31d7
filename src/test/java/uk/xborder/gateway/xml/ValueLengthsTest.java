package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

class ValueLengthsTest {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final SafeXmlParser PARSER = new SafeXmlParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
            "\\S(.{0,198}\\S)? => 200",
            "-?[0-9]{4,10}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,12})?(Z|[+\\-][0-9]{2}:[0-9]{2}) => 45",
            "[a-z]([a-z0-9]|-[a-z0-9]){0,63} => 127",
            "[PC]|[1-5]|H[0-3] => 2",
            "(PC|DC|PS|DS|INSP|DI|CI|DCI|SUPT|DSUPT|CSUPT|DCSUPT|STAFF) [0-9]{4,8} => 15",
            "[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127} => 128",
            "a{3}b? => 4",
            "[a-z-[aeiou]]{2}\\p{Lu} => 3",
            "()*x => 1",
    })
    void findsTheLongestMatchOfABoundedPattern(String pattern, int longest) {
        assertThat(PatternLengths.longest(pattern)).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {".+T.+(Z|[+\\-][0-9]{2}:[0-9]{2})", "\\S(.*\\S)?", "a{2,}", "(ab", "[ab",
            "a{2", "\\p{Lu"})
    void anUnboundedOrUnreadablePatternHasNoLimit(String pattern) {
        assertThat(PatternLengths.longest(pattern)).isEqualTo(PatternLengths.UNBOUNDED);
    }

    @Test
    void readsEachFieldsLimitFromTheSchema() {
        ValueLengths ps = lengthsOf(PublicSchema.POLICE_SCOTLAND_INTELLIGENCE_REPORT);

        assertThat(ps.elementLimit("ReportURN")).hasValue(128);
        assertThat(ps.elementLimit("CreatedDateTime")).hasValue(45); // from the timestamp's bounded pattern
        assertThat(ps.elementLimit("Marking")).hasValue("OFFICIAL-SENSITIVE".length()); // longest enumerated
        assertThat(ps.attributeLimit("system")).hasValue(32);
        // Numbers declare no length: the longest field of the schema stands in, as for names it does not declare.
        assertThat(ps.elementLimit("ItemNumber")).hasValue(20000);
        assertThat(ps.elementLimit("NoSuchElement")).hasValue(20000);

        ValueLengths envelope = lengthsOf(PublicSchema.TRANSPORT_ENVELOPE);
        assertThat(envelope.elementLimit("Payload")).hasValue(4 * (16777216 / 3 + 1)); // octets as base64
        assertThat(lengthsOf(PublicSchema.RECEIPT).elementLimit("PayloadDigest")).hasValue(88); // 64 octets
    }

    /** Every field whose type is text (not a date, a number or a list of codes) declares a maximum length. */
    @Test
    void everyTextFieldOfEveryPublicSchemaDeclaresAMaximumLength() {
        List<String> unbounded = new ArrayList<>();
        for (SchemaFields schema : SchemaFields.ofEveryPublicSchema()) {
            Map<String, Element> types = schema.simpleTypes();
            for (SchemaFields.Field field : schema.fields()) {
                Element type = simpleTypeOf(field.declaration(), types);
                if (type != null && isText(type, types) && !declaresLength(type, types)) {
                    unbounded.add(field.toString());
                }
            }
        }
        assertThat(unbounded).isEmpty();
    }

    @Test
    void aLongValueIsRefusedForItsLengthBeforeAnyPatternIsTried() {
        // A pattern that costs the square of the value's length in the JDK's validator, which checks patterns first.
        SchemaCatalog catalog = SchemaCatalog.compile(Map.of("costly", new SchemaCatalog.XsdSource("costly.xsd", (
                "<xs:schema xmlns:xs='" + XS + "' targetNamespace='urn:costly' elementFormDefault='qualified'>"
                        + "<xs:element name='Name'><xs:simpleType><xs:restriction base='xs:string'>"
                        + "<xs:maxLength value='10'/><xs:pattern value='\\S(.*\\S)?'/>"
                        + "</xs:restriction></xs:simpleType></xs:element></xs:schema>")
                .getBytes(StandardCharsets.UTF_8))));
        Document document = PARSER.parse(("<Name xmlns='urn:costly'>SECRETVALUE" + "a ".repeat(200_000)
                + "\n</Name>").getBytes(StandardCharsets.UTF_8));

        MessageRejectedException refusal = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> catchThrowableOfType(MessageRejectedException.class, () -> catalog.validate(document, "costly")));

        assertThat(refusal.reason()).isEqualTo(ReasonCode.SCHEMA_INVALID);
        assertThat(refusal.explanation()).contains("line 1, column 26 (element Name)")
                .contains("longer than this field allows (at most 10 characters")
                .doesNotContain("cvc-pattern-valid").doesNotContain("SECRETVALUE");
    }

    @Test
    void anOverlongAttributeIsNamedOnlyWhenTheSchemaDeclaresIt() {
        SchemaCatalog catalog = SchemaCatalog.loadDefault();
        String report = new String(uk.xborder.gateway.testsupport.Examples.file(
                "police-scotland/valid/ps-ir-cocaine-importation-europol-spoc-ie-nca.xml"), StandardCharsets.UTF_8);
        Document document = PARSER.parse(report
                .replace("<CaseReference system=\"SID\">", "<CaseReference system=\"" + "S".repeat(40)
                        + "\" SECRETNAME=\"" + "x".repeat(30_000) + "\">")
                .getBytes(StandardCharsets.UTF_8));

        MessageRejectedException refusal = catchThrowableOfType(MessageRejectedException.class,
                () -> catalog.validate(document, PublicSchema.POLICE_SCOTLAND_INTELLIGENCE_REPORT.id()));

        assertThat(refusal.explanation()).contains("(element CaseReference): attribute system: the value is longer")
                .contains("(element CaseReference): an attribute: the value is longer")
                .doesNotContain("SECRETNAME").doesNotContain("SSSS");
    }

    private static ValueLengths lengthsOf(PublicSchema schema) {
        return ValueLengths.declaredIn(PARSER.parse(SchemaCatalog.XsdSource.fromClasspath(schema.resource()).xsd()));
    }

    private static Element simpleTypeOf(Element declaration, Map<String, Element> types) {
        if (declaration.hasAttribute("type")) {
            return types.get(localPart(declaration.getAttribute("type")));
        }
        return child(declaration, "simpleType");
    }

    /** Derived from xs:string, xs:token or xs:normalizedString, and not a choice among listed values. */
    private static boolean isText(Element type, Map<String, Element> types) {
        Element restriction = child(type, "restriction");
        if (restriction == null || child(restriction, "enumeration") != null) {
            return false;
        }
        String base = localPart(restriction.getAttribute("base"));
        Element named = types.get(base);
        return named != null ? isText(named, types) : List.of("string", "token", "normalizedString").contains(base);
    }

    private static boolean declaresLength(Element type, Map<String, Element> types) {
        Element restriction = child(type, "restriction");
        if (restriction == null) {
            return false;
        }
        if (child(restriction, "maxLength") != null || child(restriction, "length") != null) {
            return true;
        }
        Element base = types.get(localPart(restriction.getAttribute("base")));
        return base != null && declaresLength(base, types);
    }

    private static String localPart(String name) {
        return name.substring(name.indexOf(':') + 1);
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && XS.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }
}
