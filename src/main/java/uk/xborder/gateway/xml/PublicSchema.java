package uk.xborder.gateway.xml;

/**
 * The public XML contracts in {@code schemas/} (packaged at classpath {@code schemas/}), each with the format id
 * the gateway uses for it in configuration, envelopes ({@code ContentFormat}) and audit records.
 */
public enum PublicSchema {
    CANONICAL("canonical-1", "canonical-message.xsd"),
    POLICE_SCOTLAND_INTELLIGENCE_REPORT("police-scotland-ir-1", "police-scotland-intelligence-report.xsd"),
    UK_AGENCY_INTELLIGENCE_LOG("uk-agency-5x5x5-1", "uk-agency-intelligence-log.xsd"),
    EUROPOL_INFORMATION_EXCHANGE("europol-ie-1", "europol-information-exchange.xsd"),
    TRANSPORT_ENVELOPE("transport-envelope-1", "transport-envelope.xsd"),
    STATUS_NOTICE("status-notice-1", "status-notice.xsd"),
    RECEIPT("receipt-1", "receipt.xsd");

    private final String id;
    private final String fileName;

    PublicSchema(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    /** Format id, for example {@code police-scotland-ir-1}. */
    public String id() {
        return id;
    }

    /** Classpath resource of the XSD, for example {@code schemas/police-scotland-intelligence-report.xsd}. */
    public String resource() {
        return "schemas/" + fileName;
    }
}
