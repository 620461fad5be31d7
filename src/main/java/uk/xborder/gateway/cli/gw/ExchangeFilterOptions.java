package uk.xborder.gateway.cli.gw;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** The criteria of {@code gw exchanges list|replay|discard}, as the API names them (GET /api/v1/exchanges). */
public final class ExchangeFilterOptions {

    @Option(names = "--partner", paramLabel = "PARTNER", description = "Only exchanges with this partner.")
    String partner;

    @Option(names = "--agency", paramLabel = "AGENCY", description = "Only exchanges of this agency of ours.")
    String agency;

    @Option(names = "--direction", paramLabel = "DIRECTION", description = "inbound or outbound.")
    String direction;

    @Option(names = "--state", paramLabel = "STATE", description = "One state or several, comma-separated: "
            + "FAILED, REJECTED, DELIVERED, ACKNOWLEDGED, REPLAYED, DISCARDED, EXPIRED, PROCESSING, RECEIVED.")
    String state;

    @Option(names = "--reason-code", paramLabel = "CODE", description = "Only this reason code, e.g. DELIVERY_FAILED.")
    String reasonCode;

    @Option(names = "--message-id", paramLabel = "ID", description = "Only this message id.")
    String messageId;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Last changed at or after (ISO-8601, e.g. "
            + "2026-12-02T00:00:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Last changed before (ISO-8601).")
    String to;

    /** The criteria given, by the API's names. */
    Map<String, String> criteria() {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "partner", partner);
        put(values, "agency", agency);
        put(values, "direction", direction);
        put(values, "state", state);
        put(values, "reasonCode", reasonCode);
        put(values, "messageId", messageId);
        put(values, "from", from);
        put(values, "to", to);
        return values;
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
