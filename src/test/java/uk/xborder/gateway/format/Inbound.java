package uk.xborder.gateway.format;

import org.w3c.dom.Document;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/** The inbound half of the pipeline, as the tests use it: parse, validate, translate to canonical. */
final class Inbound {

    static final SchemaCatalog CATALOG = SchemaCatalog.loadDefault();
    static final FormatRegistry FORMATS = FormatRegistry.createDefault();
    static final SafeXmlParser PARSER = new SafeXmlParser();

    private Inbound() {
    }

    static IntelligenceMessage toCanonical(byte[] xml, String formatId) {
        return FORMATS.get(formatId).toCanonical(validated(xml, formatId));
    }

    static IntelligenceMessage example(String relativePath, String formatId) {
        return toCanonical(Examples.file(relativePath), formatId);
    }

    static Document validated(byte[] xml, String formatId) {
        Document document = PARSER.parse(xml);
        CATALOG.validate(document, formatId);
        return document;
    }
}
