package uk.xborder.gateway.xml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Probe catalogs ({@link SchemaFields#withProbes()}), each compiled once per test run. */
final class ProbeCatalogs {

    private static final Map<PublicSchema, SchemaCatalog> FIELD_PROBES = new ConcurrentHashMap<>();

    private ProbeCatalogs() {
    }

    static SchemaCatalog forFields(SchemaFields schema) {
        return FIELD_PROBES.computeIfAbsent(schema.schema(),
                id -> SchemaCatalog.compile(Map.of(id.id(), schema.withProbes())));
    }
}
