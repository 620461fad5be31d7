package uk.xborder.gateway.audit.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Durable when record returns" holds only if the database flushes each commit. PostgreSQL can be told not to
 * ({@code synchronous_commit = off}, {@code fsync = off}; embedded test servers often are): say so loudly at start-up
 * rather than quietly weaken the audit guarantee. H2 never fsyncs a commit (see {@link AuditStoreSettings#H2_OPTIONS}).
 */
final class DurabilityCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DurabilityCheck.class);

    private DurabilityCheck() {
    }

    static void warnIfWeak(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection()) {
            for (String weak : weakSettings(connection)) {
                LOG.warn("audit store: PostgreSQL runs with {}: an entry reported as recorded can be lost in a crash",
                        weak);
            }
        }
    }

    /** The settings of this connection's server that let a commit return before it is on disk. */
    static List<String> weakSettings(Connection connection) throws SQLException {
        List<String> weak = new ArrayList<>();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return weak;
        }
        for (String setting : List.of("fsync", "synchronous_commit")) {
            try (Statement show = connection.createStatement();
                 ResultSet value = show.executeQuery("SHOW " + setting)) {
                if (value.next() && "off".equalsIgnoreCase(value.getString(1))) {
                    weak.add(setting + " = off");
                }
            }
        }
        return weak;
    }
}
