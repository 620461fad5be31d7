package uk.xborder.gateway.cli.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;

/** The criteria that select entries, each checked as the API checks it, named as the API names them. */
final class SelectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--message-id", paramLabel = "ID", converter = CriterionConverters.Text.class,
            description = "The message id the agency gave.")
    String messageId;

    @Option(names = "--exchange-id", paramLabel = "ID", converter = CriterionConverters.Text.class,
            description = "The gateway's exchange id.")
    String exchangeId;

    @Option(names = "--case-reference", paramLabel = "REF", converter = CriterionConverters.Text.class,
            description = "A case reference the message carries, e.g. SID:SID-2026-0187734.")
    String caseReference;

    @Option(names = "--agency", paramLabel = "AGENCY", converter = CriterionConverters.Text.class,
            description = "The sending agency.")
    String agency;

    @Option(names = "--partner", paramLabel = "PARTNER", converter = CriterionConverters.Text.class,
            description = "A recipient.")
    String partner;

    @Option(names = "--operation", paramLabel = "OPERATION",
            description = "One of ${COMPLETION-CANDIDATES} (either case).")
    AuditOperation operation;

    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "One of ${COMPLETION-CANDIDATES} (either case).")
    AuditOutcome outcome;

    @Option(names = "--marking", paramLabel = "MARKING", converter = CriterionConverters.Text.class,
            description = "The exact marking, e.g. 'UK_GSC SECRET'.")
    String marking;

    @Option(names = "--from", paramLabel = "INSTANT", converter = CriterionConverters.Time.class,
            description = "Entries from this ISO-8601 instant on (inclusive), e.g. 2026-11-01T00:00:00Z.")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", converter = CriterionConverters.Time.class,
            description = "Entries before this instant (exclusive).")
    Instant to;

    /** The criteria given, under the API's names, in a fixed order. */
    Map<String, String> parameters() {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ParameterException(command.commandLine(), "--from must be before --to (from is inclusive, "
                    + "to exclusive)");
        }
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "messageId", messageId);
        put(given, "exchangeId", exchangeId);
        put(given, "caseReference", caseReference);
        put(given, "agency", agency);
        put(given, "partner", partner);
        put(given, "operation", operation);
        put(given, "outcome", outcome);
        put(given, "marking", marking);
        put(given, "from", from);
        put(given, "to", to);
        return given;
    }

    private static void put(Map<String, String> given, String name, Object value) {
        if (value != null) {
            given.put(name, value.toString());
        }
    }
}
