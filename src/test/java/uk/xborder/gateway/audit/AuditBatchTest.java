package uk.xborder.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditBatchTest {

    /** A store that holds its records in a batch and writes them in order when flushed, or fails if told to. */
    private static final class Store {

        final List<String> written = new ArrayList<>();
        RuntimeException failure;

        void record(String what) {
            Optional<Held> held = AuditBatch.writesOf(this, () -> new Held(this));
            if (held.isPresent()) {
                held.get().records.add(what);
            } else {
                write(List.of(what));
            }
        }

        void write(List<String> records) {
            if (failure != null) {
                throw failure;
            }
            written.addAll(records);
        }
    }

    private static final class Held implements AuditBatch.DeferredWrites {

        final Store store;
        final List<String> records = new ArrayList<>();

        Held(Store store) {
            this.store = store;
        }

        @Override
        public void flush() {
            List<String> writing = List.copyOf(records);
            records.clear();
            if (!writing.isEmpty()) {
                store.write(writing);
            }
        }
    }

    private final Store events = new Store();
    private final Store exchanges = new Store();

    @AfterEach
    void noBatchLeftOpen() {
        assertThat(AuditBatch.isOpen()).isFalse();
    }

    @Test
    void withoutABatchEachRecordIsWrittenAtOnce() {
        events.record("RECEIVED");

        assertThat(events.written).containsExactly("RECEIVED");
    }

    @Test
    void inABatchTheRecordsAreWrittenTogetherInTheOrderTheyWereRecordedWhenTheBatchIsAwaited() {
        AuditBatch batch = AuditBatch.open();
        try {
            events.record("RECEIVED");
            exchanges.record("PROCESSING");
            events.record("RELEASED");
            assertThat(events.written).isEmpty();
            assertThat(exchanges.written).isEmpty();

            AuditBatch.awaitRecorded();
            assertThat(events.written).containsExactly("RECEIVED", "RELEASED");
            assertThat(exchanges.written).containsExactly("PROCESSING");

            events.record("STATUS_ISSUED");
            AuditBatch.awaitRecorded();
            assertThat(events.written).as("each record written once").containsExactly("RECEIVED", "RELEASED",
                    "STATUS_ISSUED");
        } finally {
            batch.close();
        }
    }

    @Test
    void onceAWriteHasFailedEveryLaterWaitOfTheBatchFailsSoThatNothingOfItCommits() {
        AuditBatch batch = AuditBatch.open();
        try {
            events.failure = new IllegalStateException("not written");
            events.record("RELEASED");
            assertThatThrownBy(AuditBatch::awaitRecorded).isSameAs(events.failure);

            events.failure = null;
            exchanges.record("FAILED");
            assertThatThrownBy(AuditBatch::awaitRecorded).as("a later wait, e.g. before the commit")
                    .hasMessage("not written");
        } finally {
            batch.close();
        }
        assertThat(exchanges.written).as("written at close after a failure").isEmpty();
    }

    @Test
    void aUnitOfWorkThatEndsWithoutItsCommitStillWritesWhatWasHeld() {
        AuditBatch batch = AuditBatch.open();
        exchanges.record("REJECTED");
        assertThat(exchanges.written).isEmpty();

        batch.close();

        assertThat(exchanges.written).containsExactly("REJECTED");
    }

    @Test
    void aBatchIsForOneUnitOfWorkAtATime() {
        AuditBatch batch = AuditBatch.open();
        try {
            assertThatThrownBy(AuditBatch::open).isInstanceOf(IllegalStateException.class);
        } finally {
            batch.close();
        }
        events.record("after close");
        assertThat(events.written).as("written at once after the batch closed").containsExactly("after close");
    }

    /** The audit log's side of a shared commit: what it was handed, in one flush, with whose writes. */
    private static final class Carrier implements SharedTransactionWrites.Carrier {

        final DataSource database;
        final List<String> flushes = new ArrayList<>();

        Carrier(DataSource database) {
            this.database = database;
        }

        void record() {
            AuditBatch.writesOf(this, () -> this);
        }

        @Override
        public boolean carries(SharedTransactionWrites writes) {
            return writes.database() == database;
        }

        @Override
        public void flush() {
            flushWith(List.of());
        }

        @Override
        public void flushWith(List<SharedTransactionWrites.Work> riders) {
            flushes.add("events with " + riders.size() + " riders");
            riders.forEach(SharedTransactionWrites.Work::writeAlone);
        }
    }

    /** A store on some database whose held rows can share a transaction. */
    private static final class SharingStore implements HeldRows.Writer<String> {

        final DataSource database;
        final List<String> written = new ArrayList<>();

        SharingStore(DataSource database) {
            this.database = database;
        }

        void record(String what) {
            AuditBatch.writesOf(this, () -> new HeldRows<>(database, this)).orElseThrow().add(what);
        }

        @Override
        public void writeIn(java.sql.Connection transaction, List<String> rows) {
            throw new UnsupportedOperationException("the carrier above writes its riders alone");
        }

        @Override
        public void writeAlone(List<String> rows) {
            written.addAll(rows);
        }
    }

    @Test
    void writesOnTheAuditLogsDatabaseRideInItsCommitAndWritesElsewhereAreWrittenOnTheirOwn() {
        DataSource auditDatabase = new JdbcDataSource();
        Carrier carrier = new Carrier(auditDatabase);
        SharingStore sameDatabase = new SharingStore(auditDatabase);
        SharingStore otherDatabase = new SharingStore(new JdbcDataSource());
        AuditBatch batch = AuditBatch.open();
        try {
            sameDatabase.record("PROCESSING");
            carrier.record();
            otherDatabase.record("AWAITING");
            exchanges.record("PLAIN");

            AuditBatch.awaitRecorded();

            assertThat(carrier.flushes).containsExactly("events with 1 riders");
            assertThat(sameDatabase.written).containsExactly("PROCESSING");
            assertThat(otherDatabase.written).containsExactly("AWAITING");
            assertThat(exchanges.written).containsExactly("PLAIN");

            AuditBatch.awaitRecorded();
            assertThat(sameDatabase.written).as("taken once").containsExactly("PROCESSING");
        } finally {
            batch.close();
        }
    }
}
