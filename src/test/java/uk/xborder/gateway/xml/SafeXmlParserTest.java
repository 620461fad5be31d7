package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.testsupport.Examples;

class SafeXmlParserTest {

    private final SafeXmlParser parser = new SafeXmlParser();

    @Test
    void parsesAValidReportNamespaceAwareWithPositions() {
        Document document = parser.parse(
                Examples.file("police-scotland/valid/ps-ir-cocaine-importation-europol-spoc-ie-nca.xml"));

        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("IntelligenceReport");
        assertThat(root.getNamespaceURI()).isEqualTo("urn:police-scotland:intelligence-report:1");
        Element urn = (Element) root.getElementsByTagNameNS("urn:police-scotland:intelligence-report:1", "ReportURN")
                .item(0);
        assertThat(urn.getTextContent()).isEqualTo("PS-IR-2026-G-004711");
        assertThat(SourcePosition.of(urn)).hasValue(new SourcePosition(6, 16));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "xxe-external-entity-etc-passwd.xml, XML_DOCTYPE_FORBIDDEN",
        "xxe-parameter-entity-external-dtd.xml, XML_DOCTYPE_FORBIDDEN",
        "billion-laughs.xml, XML_DOCTYPE_FORBIDDEN",
        "doctype-plain.xml, XML_DOCTYPE_FORBIDDEN",
        "xinclude-etc-passwd.xml, XML_DOCTYPE_FORBIDDEN",
        "malformed-unclosed-element.xml, MALFORMED_XML",
        "malformed-truncated.xml, MALFORMED_XML",
    })
    void refusesEachAttackWithItsOwnReason(String fixture, ReasonCode expected) {
        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> parser.parse(Examples.attack(fixture)));

        assertThat(rejection).as("rejection for %s", fixture).isNotNull();
        assertThat(rejection.reason()).isEqualTo(expected);
        assertThat(rejection.explanation()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"xxe-external-entity-etc-passwd.xml", "xinclude-etc-passwd.xml"})
    void neverLetsEtcPasswdIntoTheResultOrTheException(String fixture) throws IOException {
        List<String> secrets = passwdFragments();

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> parser.parse(Examples.attack(fixture)));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.XML_DOCTYPE_FORBIDDEN);
        String everything = everythingIn(rejection);
        for (String secret : secrets) {
            assertThat(everything).doesNotContain(secret);
        }
        assertThat(everything).doesNotContain("root:x:0:0").doesNotContain("/bin/");
    }

    @Test
    void refusesTheDoctypeNamingWhere() {
        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> parser.parse(Examples.attack("xxe-external-entity-etc-passwd.xml")));

        assertThat(rejection.explanation()).contains("DOCTYPE").contains("line 4");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        byte[] bomb = Examples.attack("billion-laughs.xml");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 100; i++) {
                assertThatThrownBy(() -> parser.parse(bomb))
                        .isInstanceOfSatisfying(MessageRejectedException.class,
                                e -> assertThat(e.reason()).isEqualTo(ReasonCode.XML_DOCTYPE_FORBIDDEN));
            }
        });
    }

    @Test
    void malformedXmlNamesLineAndColumnButNoContent() {
        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> parser.parse(Examples.attack("malformed-unclosed-element.xml")));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.MALFORMED_XML);
        assertThat(rejection.explanation()).matches(".*line 7, column \\d+.*");
        assertThat(everythingIn(rejection)).doesNotContain("SECRET-CONTENT-MARKER").doesNotContain("ItemText");
    }

    @Test
    void undeclaredEntityWithoutDoctypeIsMalformed() {
        byte[] xml = "<a>caf&eacute;</a>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(xml)).isInstanceOfSatisfying(MessageRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(ReasonCode.MALFORMED_XML);
            assertThat(e.explanation()).contains("line 1").doesNotContain("eacute");
        });
    }

    @Test
    void emptyAndNonXmlInputIsMalformed() {
        assertThatThrownBy(() -> parser.parse(new byte[0]))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.MALFORMED_XML));
        assertThatThrownBy(() -> parser.parse("{\"json\": \"not xml\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReasonCode.MALFORMED_XML);
                    assertThat(e.explanation()).doesNotContain("json");
                });
    }

    @Test
    void excessiveNestingIsRefused() {
        String deep = "<a>".repeat(SafeXmlParser.MAX_ELEMENT_DEPTH + 1) + "</a>".repeat(SafeXmlParser.MAX_ELEMENT_DEPTH + 1);

        assertThatThrownBy(() -> parser.parse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.SCHEMA_INVALID));
    }

    /**
     * The JDK's SAX parser passes on a name with a colon and no prefix before it; the DOM refuses to hold it, and its
     * DOMException escaped the parser as the gateway's own failure (held, retried) instead of the sender's fault.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "<a :mlns='SECRET-NAME'/>                         | 1",
        "<a :SECRET-NAME='x'/>                            | 1",
        "<:SECRET-NAME/>                                  | 1",
        "<r xmlns:p='urn:p'>\\n  <:SECRET-NAME>t</:SECRET-NAME></r> | 2",
    })
    void aNameWithAColonAndNoPrefixIsMalformedXmlNamingWhere(String xml, int line) {
        byte[] bytes = xml.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> parser.parse(bytes));

        assertThat(rejection).as("refusal of %s", xml).isNotNull();
        assertThat(rejection.reason()).isEqualTo(ReasonCode.MALFORMED_XML);
        assertThat(rejection.explanation()).contains("line " + line + ", column").contains("qualified name");
        assertThat(everythingIn(rejection)).doesNotContain("SECRET-NAME");
    }

    /**
     * Building the DOM costs, per attribute, a look-up among the element's attributes so far: ten thousand attributes
     * on one element (under the JDK's own limit) took seconds of a core for 130 KB. No format gives an element more
     * than a few, so more than the limit is refused before any is built.
     */
    @Test
    void anElementWithMoreAttributesThanAnyFormatGivesIsRefusedBeforeItIsBuilt() {
        int limit = SafeXmlParser.MAX_ATTRIBUTES_PER_ELEMENT;

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> parser.parse(withAttributes(9_999)));

        assertThat(rejection).isNotNull();
        assertThat(rejection.reason()).isEqualTo(ReasonCode.SCHEMA_INVALID);
        assertThat(rejection.explanation()).contains("more than " + limit + " attributes").contains("line 1");
        assertThatThrownBy(() -> parser.parse(withAttributes(limit + 1))).isInstanceOf(MessageRejectedException.class);
        assertThat(parser.parse(withAttributes(limit)).getDocumentElement().getAttributes().getLength())
                .isEqualTo(limit);
    }

    @Test
    void namespaceDeclarationsCountAsAttributes() {
        StringBuilder xml = new StringBuilder("<a");
        for (int i = 0; i < SafeXmlParser.MAX_ATTRIBUTES_PER_ELEMENT; i++) {
            xml.append(" xmlns:p").append(i).append("=\"urn:").append(i).append('"');
        }
        xml.append(" b=\"1\"/>");

        assertThatThrownBy(() -> parser.parse(xml.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.SCHEMA_INVALID));
    }

    @Test
    void keepsNamespaceDeclarationsAndAttributes() {
        byte[] xml = "<p:a xmlns:p=\"urn:x\" xmlns:q=\"urn:q\" q:b=\"1\" c=\"2\"><p:d>t</p:d></p:a>"
                .getBytes(StandardCharsets.UTF_8);

        Element root = parser.parse(xml).getDocumentElement();

        assertThat(root.getAttributeNS("urn:q", "b")).isEqualTo("1");
        assertThat(root.getAttribute("c")).isEqualTo("2");
        assertThat(root.lookupNamespaceURI("q")).isEqualTo("urn:q");
        assertThat(root.getFirstChild().getTextContent()).isEqualTo("t");
    }

    @Test
    void readsUtf16Documents() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>\u00e9</a>".getBytes(StandardCharsets.UTF_16);

        assertThat(parser.parse(xml).getDocumentElement().getTextContent()).isEqualTo("\u00e9");
    }

    @Test
    void anEncodingTheGatewayDoesNotReadIsRefusedWithoutRepeatingItsName() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"OPERATION-KESTREL-SOURCE-7\"?><a/>"
                .getBytes(StandardCharsets.US_ASCII);

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> parser.parse(xml));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.MALFORMED_XML);
        assertThat(rejection.explanation()).contains("encoding");
        assertThat(everythingIn(rejection)).doesNotContain("KESTREL");
    }

    @Test
    void aVersionOfTenThousandDigitsIsRefusedLikeAnyOtherVersion() {
        byte[] xml = ("<?xml version=\"1" + "0".repeat(10_000) + "\"?><a/>").getBytes(StandardCharsets.US_ASCII);

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> parser.parse(xml));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.MALFORMED_XML);
        assertThat(rejection.explanation()).contains("XML version \"\u2026\" is not supported")
                .doesNotContain("0000");
    }

    /**
     * Every character reference ends one chunk of text the parser hands over; a text of many chunks is built in
     * time proportional to its length (growing the node chunk by chunk copied the whole text each time: minutes).
     */
    @Test
    void aTextOfManyChunksIsBuiltInTimeProportionalToItsLength() {
        int references = 300_000;
        byte[] xml = ("<a>" + "x&amp;".repeat(references) + "</a>").getBytes(StandardCharsets.US_ASCII);

        Document document = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> parser.parse(xml));

        Element root = document.getDocumentElement();
        assertThat(root.getChildNodes().getLength()).isEqualTo(1);
        assertThat(root.getTextContent()).hasSize(2 * references).startsWith("x&x&").endsWith("x&");
    }

    @Test
    void textAroundElementsCommentsAndReferencesKeepsItsPlaceAndOrder() {
        byte[] xml = "<a>one&lt;<!-- dropped -->two<b>in</b>three&#233;<?pi dropped?>four</a>"
                .getBytes(StandardCharsets.UTF_8);

        Element root = parser.parse(xml).getDocumentElement();

        assertThat(root.getChildNodes().getLength()).isEqualTo(3);
        assertThat(root.getFirstChild().getNodeValue()).isEqualTo("one<two");
        assertThat(root.getFirstChild().getNextSibling().getTextContent()).isEqualTo("in");
        assertThat(root.getLastChild().getNodeValue()).isEqualTo("three\u00e9four");
    }

    private static byte[] withAttributes(int count) {
        StringBuilder xml = new StringBuilder("<a");
        for (int i = 0; i < count; i++) {
            xml.append(" a").append(i).append("=\"").append(i).append('"');
        }
        return xml.append("/>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> passwdFragments() throws IOException {
        Path passwd = Path.of("/etc/passwd");
        if (!Files.isReadable(passwd)) {
            return List.of("root:x:0:0");
        }
        return Files.readAllLines(passwd).stream().filter(line -> !line.isBlank()).toList();
    }

    /** Message, explanation, causes and stack trace text: anything a log line could ever print. */
    private static String everythingIn(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            text.append(String.valueOf(t.getMessage())).append(t.toString());
        }
        return text.toString();
    }
}
