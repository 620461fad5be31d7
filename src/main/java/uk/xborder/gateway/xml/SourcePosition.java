package uk.xborder.gateway.xml;

import java.util.Optional;
import org.w3c.dom.Node;

/**
 * Where an element's start tag ended in the bytes it was parsed from, kept on the DOM element so that schema
 * errors found later, on the DOM, can still name a line and column the sender can find in their own message.
 */
public record SourcePosition(int line, int column) {

    private static final String USER_DATA_KEY = SourcePosition.class.getName();

    /** The position {@link SafeXmlParser} recorded for this node, if any. */
    public static Optional<SourcePosition> of(Node node) {
        if (node == null) {
            return Optional.empty();
        }
        Object position = node.getUserData(USER_DATA_KEY);
        return position instanceof SourcePosition p ? Optional.of(p) : Optional.empty();
    }

    static void attach(Node node, int line, int column) {
        if (line > 0) {
            node.setUserData(USER_DATA_KEY, new SourcePosition(line, column), null);
        }
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
