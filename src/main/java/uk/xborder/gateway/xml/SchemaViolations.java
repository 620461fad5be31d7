package uk.xborder.gateway.xml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Collects the violations one validation finds, each described without message content, and stops the validator
 * once {@value #MAX_REPORTED} are known. Not thread-safe: one per validation.
 */
final class SchemaViolations implements ErrorHandler {

    static final int MAX_REPORTED = 5;

    /** Follow-up rules the validator reports right after the facet violation that caused them; they add nothing. */
    private static final Pattern CONSEQUENTIAL_RULE = Pattern.compile("^cvc-(type\\.3\\.1\\.3|attribute\\.3):.*");
    /** The list of expected elements in cvc-complex-type.2.4 messages, which comes from the schema, not the sender. */
    private static final Pattern EXPECTED_ELEMENTS = Pattern.compile("One of '\\{([^']*)\\}' is expected");
    private static final Pattern EXPECTED_NAME = Pattern.compile("(?:\"[^\"]*\":)?([A-Za-z_][A-Za-z0-9_.\\-]*)");

    private final Set<String> declaredNames;
    private final Supplier<Object> currentNode;
    private final List<String> descriptions = new ArrayList<>();

    SchemaViolations(Set<String> declaredNames, Supplier<Object> currentNode) {
        this.declaredNames = declaredNames;
        this.currentNode = currentNode;
    }

    @Override
    public void warning(SAXParseException exception) {
        // Warnings do not make a message invalid.
    }

    @Override
    public void error(SAXParseException exception) throws SAXException {
        record(exception);
        if (descriptions.size() >= MAX_REPORTED) {
            throw new EnoughReported();
        }
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXException {
        record(exception);
        throw new EnoughReported();
    }

    /** A violation found before the validator ran, worded by the caller without any of the value. */
    void record(Element element, String rule) {
        if (full()) {
            return;
        }
        descriptions.add(SourcePosition.of(element).map(SourcePosition::toString).orElse("unknown position")
                + declaredName(element) + ": " + rule);
    }

    boolean full() {
        return descriptions.size() >= MAX_REPORTED;
    }

    private String declaredName(Element element) {
        return element != null && declaredNames.contains(element.getLocalName())
                ? " (element " + element.getLocalName() + ")" : "";
    }

    void record(SAXException exception) {
        if (exception instanceof EnoughReported || descriptions.size() >= MAX_REPORTED) {
            return;
        }
        String message = String.valueOf(exception.getMessage());
        Object node = currentNode.get();
        Element element = node instanceof Element e ? e : null;
        String where = SourcePosition.of(element).map(SourcePosition::toString).orElseGet(() -> positionOf(exception));
        where += declaredName(element);
        if (CONSEQUENTIAL_RULE.matcher(message).matches() && lastPositionWas(where)) {
            return;
        }
        String withoutValues = withoutValuesOf(element, nameExpectedElements(message));
        descriptions.add(where + ": " + ExplanationRedactor.redact(withoutValues));
    }

    /**
     * Removes the offending element's own text and attribute values where the validator quotes them, before the
     * generic redaction: exact matching still works when a value itself contains quotes.
     */
    private static String withoutValuesOf(Element element, String message) {
        if (element == null) {
            return message;
        }
        List<String> values = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text t) {
                text.append(t.getData());
            }
        }
        addForms(values, text.toString());
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            addForms(values, attributes.item(i).getNodeValue());
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        String result = message;
        for (String value : values) {
            result = result.replace("'" + value + "'", "'\u2026'");
        }
        return result;
    }

    /**
     * The value as written, and as the validator sees it after white-space replacement and collapsing. By hand
     * rather than by regular expression: a value can be megabytes long, and each form is made once per violation.
     */
    private static void addForms(List<String> values, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        values.add(value);
        values.add(value.trim());
        StringBuilder replaced = new StringBuilder(value.length());
        StringBuilder collapsed = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            replaced.append(blank ? ' ' : c);
            if (!blank) {
                collapsed.append(c);
            } else if (collapsed.length() > 0 && collapsed.charAt(collapsed.length() - 1) != ' ') {
                collapsed.append(' ');
            }
        }
        if (collapsed.length() > 0 && collapsed.charAt(collapsed.length() - 1) == ' ') {
            collapsed.setLength(collapsed.length() - 1);
        }
        values.add(replaced.toString());
        values.add(collapsed.toString());
    }

    private boolean lastPositionWas(String where) {
        return !descriptions.isEmpty() && descriptions.get(descriptions.size() - 1).startsWith(where + ": ");
    }

    /**
     * Rewrites "One of '{"ns":A, "ns":B}' is expected" as "One of {A, B} is expected", outside quotes so it survives
     * redaction, but only when every name is one the schema declares.
     */
    private String nameExpectedElements(String message) {
        Matcher expected = EXPECTED_ELEMENTS.matcher(message);
        if (!expected.find()) {
            return message;
        }
        List<String> names = new ArrayList<>();
        for (String part : expected.group(1).split(",")) {
            Matcher name = EXPECTED_NAME.matcher(part.trim());
            if (!name.matches() || !declaredNames.contains(name.group(1))) {
                return message;
            }
            names.add(name.group(1));
        }
        return message.substring(0, expected.start()) + "One of {" + String.join(", ", names) + "} is expected"
                + message.substring(expected.end());
    }

    boolean any() {
        return !descriptions.isEmpty();
    }

    String describe() {
        if (descriptions.size() == 1) {
            return descriptions.get(0);
        }
        StringBuilder text = new StringBuilder();
        text.append(descriptions.size() >= MAX_REPORTED ? "the first " + MAX_REPORTED : descriptions.size())
                .append(" violations: ");
        for (int i = 0; i < descriptions.size(); i++) {
            text.append(i == 0 ? "" : " ").append('[').append(i + 1).append("] ").append(descriptions.get(i));
        }
        return text.toString();
    }

    private static String positionOf(SAXException exception) {
        if (exception instanceof SAXParseException parse && parse.getLineNumber() > 0) {
            return "line " + parse.getLineNumber() + ", column " + parse.getColumnNumber();
        }
        return "unknown position";
    }

    /** Thrown to stop the validator once enough violations are known. */
    static final class EnoughReported extends SAXException {
        EnoughReported() {
            super("enough violations reported");
        }
    }
}
