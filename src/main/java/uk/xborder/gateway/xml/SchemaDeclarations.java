package uk.xborder.gateway.xml;

import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The element and attribute names a schema declares. A violation may name an element only when it is one of these:
 * a name the sender invented could itself carry message content.
 */
final class SchemaDeclarations {

    private SchemaDeclarations() {
    }

    static Set<String> namesDeclaredIn(Document xsd) {
        Set<String> names = new HashSet<>();
        for (String kind : new String[] {"element", "attribute"}) {
            NodeList declarations = xsd.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, kind);
            for (int i = 0; i < declarations.getLength(); i++) {
                String name = ((Element) declarations.item(i)).getAttribute("name");
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return Set.copyOf(names);
    }
}
