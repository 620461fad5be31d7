package uk.xborder.gateway.format;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/** The message formats the gateway speaks, by id. Immutable and thread-safe. */
public final class FormatRegistry {

    private final Map<String, MessageFormat> formatsById;

    private FormatRegistry(Map<String, MessageFormat> formatsById) {
        this.formatsById = Collections.unmodifiableMap(formatsById);
    }

    /** Every built-in format, with the packaged schemas and translation tables. */
    public static FormatRegistry createDefault() {
        return create(SchemaCatalog.loadDefault(), GradingTables.loadDefault(), MarkingTable.loadDefault());
    }

    /** Every built-in format, sharing catalog and tables the caller already loaded. */
    public static FormatRegistry create(SchemaCatalog catalog, GradingTables grading, MarkingTable marking) {
        FormatSupport support = new FormatSupport(new SafeXmlParser(), catalog,
                new SchemeConversion(grading, marking), new CanonicalRules(grading, marking));
        return of(List.of(
                new CanonicalFormat(support),
                new PoliceScotlandFormat(support),
                new UkAgencyFormat(support),
                new EuropolFormat(support)));
    }

    /** A registry of the given formats; ids must be unique. */
    public static FormatRegistry of(Collection<? extends MessageFormat> formats) {
        Map<String, MessageFormat> byId = new LinkedHashMap<>();
        for (MessageFormat format : formats) {
            if (byId.putIfAbsent(format.id(), format) != null) {
                throw new IllegalArgumentException("Two formats with id " + format.id());
            }
        }
        return new FormatRegistry(byId);
    }

    /**
     * The format with this id.
     *
     * @throws IllegalArgumentException for an id no format has (a configuration error)
     */
    public MessageFormat get(String formatId) {
        return find(formatId).orElseThrow(() -> new IllegalArgumentException(
                "No message format with id " + formatId + "; known: " + formatsById.keySet()));
    }

    public Optional<MessageFormat> find(String formatId) {
        return Optional.ofNullable(formatsById.get(Objects.requireNonNull(formatId, "formatId")));
    }

    public Set<String> ids() {
        return formatsById.keySet();
    }
}
