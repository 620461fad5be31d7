package uk.xborder.gateway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The rows one store holds back for a message in its {@link AuditBatch}, in the order they were recorded, written
 * together when the batch is awaited: in the audit log's transaction when the store is on its database
 * ({@link SharedTransactionWrites}), else in one of their own. The store says how to write them either way.
 *
 * @param <T> what the store records, one per row or group of rows
 */
public final class HeldRows<T> implements SharedTransactionWrites {

    /** How a store writes a message's held rows. */
    public interface Writer<T> {

        /** Writes them in this order in {@code transaction}, which the caller commits. */
        void writeIn(Connection transaction, List<T> rows) throws SQLException;

        /** Writes them in a transaction of their own, as the store would without a batch; throws if it may not. */
        void writeAlone(List<T> rows);
    }

    private final DataSource database;
    private final Writer<T> writer;
    private final List<T> held = new ArrayList<>();

    public HeldRows(DataSource database, Writer<T> writer) {
        this.database = Objects.requireNonNull(database, "database");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    public void add(T row) {
        held.add(row);
    }

    @Override
    public DataSource database() {
        return database;
    }

    @Override
    public Optional<Work> take() {
        if (held.isEmpty()) {
            return Optional.empty();
        }
        List<T> rows = List.copyOf(held);
        held.clear();
        return Optional.of(new Work() {
            @Override
            public void writeIn(Connection transaction) throws SQLException {
                writer.writeIn(transaction, rows);
            }

            @Override
            public void writeAlone() {
                writer.writeAlone(rows);
            }
        });
    }
}
