package uk.xborder.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditBatchTest {

    private final List<String> waited = new ArrayList<>();

    @AfterEach
    void noBatchLeftOpen() {
        assertThat(AuditBatch.isOpen()).isFalse();
    }

    @Test
    void withoutABatchEachWriteIsAwaitedAtOnce() {
        AuditBatch.deferOrAwait(() -> waited.add("first"));

        assertThat(waited).containsExactly("first");
    }

    @Test
    void inABatchTheWritesAreAwaitedTogetherInTheOrderTheyWereRecorded() {
        AuditBatch batch = AuditBatch.open();
        try {
            AuditBatch.deferOrAwait(() -> waited.add("first"));
            AuditBatch.deferOrAwait(() -> waited.add("second"));
            assertThat(waited).isEmpty();

            AuditBatch.awaitRecorded();
            assertThat(waited).containsExactly("first", "second");

            AuditBatch.awaitRecorded();
            assertThat(waited).as("each write is awaited once").containsExactly("first", "second");
        } finally {
            batch.close();
        }
    }

    @Test
    void onceAWriteHasFailedEveryLaterWaitOfTheBatchFailsSoThatNothingOfItCommits() {
        AuditBatch batch = AuditBatch.open();
        try {
            IllegalStateException notWritten = new IllegalStateException("not written");
            AuditBatch.deferOrAwait(() -> {
                throw notWritten;
            });
            assertThatThrownBy(AuditBatch::awaitRecorded).isSameAs(notWritten);

            AuditBatch.deferOrAwait(() -> waited.add("written after"));
            assertThatThrownBy(AuditBatch::awaitRecorded).as("a later wait, e.g. before the commit")
                    .isSameAs(notWritten);
        } finally {
            batch.close();
        }
    }

    @Test
    void whatAStoreHoldsBackIsWrittenBeforeTheEventsAreAwaitedAndOnlyOnce() {
        AuditBatch batch = AuditBatch.open();
        try {
            AuditBatch.deferOrAwait(() -> waited.add("event"));
            AuditBatch.writesOf(this, () -> (AuditBatch.DeferredWrites) () -> waited.add("store"));

            AuditBatch.awaitRecorded();
            assertThat(waited).containsExactly("store", "event");
        } finally {
            batch.close();
        }
        assertThat(waited).as("asked again at close, when a real store has nothing left").containsExactly("store", "event", "store");
    }

    @Test
    void aUnitOfWorkThatEndsWithoutItsCommitStillWritesWhatItsStoresHeldBack() {
        AuditBatch batch = AuditBatch.open();
        AuditBatch.writesOf(this, () -> (AuditBatch.DeferredWrites) () -> waited.add("store"));
        assertThat(waited).isEmpty();

        batch.close();

        assertThat(waited).containsExactly("store");
    }

    @Test
    void aBatchIsForOneUnitOfWorkAtATime() {
        AuditBatch batch = AuditBatch.open();
        try {
            assertThatThrownBy(AuditBatch::open).isInstanceOf(IllegalStateException.class);
        } finally {
            batch.close();
        }
        AuditBatch.deferOrAwait(() -> waited.add("after close"));
        assertThat(waited).as("awaited at once after the batch closed").containsExactly("after close");
    }
}
