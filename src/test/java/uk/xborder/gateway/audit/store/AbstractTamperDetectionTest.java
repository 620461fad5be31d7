package uk.xborder.gateway.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.merkle.MerkleHash;
import uk.xborder.gateway.audit.verify.FailureCode;
import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.audit.verify.VerificationReport;

/**
 * Someone with write access to the database changes, deletes or reorders past entries, or rewrites a checkpoint; the
 * live verifier finds it and names the first bad entry. Run against each database the store supports.
 */
abstract class AbstractTamperDetectionTest {

    private static final int ENTRIES = 50;
    private static final int CHECKPOINT_EVERY = 10;

    private AuditStoreSettings settings;
    private JdbcAuditLog log;

    /** Settings for a new, empty database (or schema) for the current test. */
    protected abstract AuditStoreSettings freshDatabase() throws Exception;

    @BeforeEach
    void fiftyEntriesWithACheckpointEveryTen() throws Exception {
        settings = freshDatabase().withCheckpoints(1_000_000, Duration.ofHours(1));
        log = AuditStoreFactory.open(settings, CheckpointSigner.create(AuditPki.identity("audit")),
                new SimpleMeterRegistry());
        for (int i = 0; i < ENTRIES; i++) {
            log.record(Events.event("tamper-" + i));
            if ((i + 1) % CHECKPOINT_EVERY == 0) {
                log.checkpoint();
            }
        }
        assertThat(verify().ok()).as("the untouched log verifies").isTrue();
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void aChangedFieldIsFoundAndLocated() throws Exception {
        sql("UPDATE audit_entry SET marking = 'UK_GSC OFFICIAL' WHERE seq = 17");

        assertFailure(FailureCode.ENTRY_ALTERED, "17");
    }

    @Test
    void aChangedRecipientIsFoundAndLocated() throws Exception {
        sql("UPDATE audit_entry_recipient SET recipient = 'someone-else' WHERE seq = 23 AND position = 0");

        assertFailure(FailureCode.ENTRY_ALTERED, "23");
    }

    @Test
    void aCodeNoReleaseKnowsIsFoundAsAnAlteredEntryNotAFailureToRead() throws Exception {
        sql("UPDATE audit_entry SET outcome = 'QUIETLY_FORGIVEN' WHERE seq = 17");

        assertFailure(FailureCode.ENTRY_ALTERED, "17");
        // The entry still reads, as stored, so that an auditor can see what it says now.
        assertThat(log.entry(17)).get().extracting(e -> e.event().outcome()).isEqualTo("QUIETLY_FORGIVEN");
    }

    @Test
    void anEntryThatCanNoLongerBeReadIsFoundAsAlteredAndLocated() throws Exception {
        // Only someone who can change the schema can empty a required field; verification must still name the entry.
        sql("ALTER TABLE audit_entry ALTER COLUMN actor DROP NOT NULL");
        sql("UPDATE audit_entry SET actor = NULL WHERE seq = 17");

        VerificationReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.failure()).isEqualTo(FailureCode.ENTRY_ALTERED);
        assertThat(report.problem()).contains("Entry 17").contains("can no longer be read");
        assertThat(report.entriesChecked()).as("entries before it were checked").isEqualTo(17);
    }

    @Test
    void aDeletedEntryIsFoundAndLocated() throws Exception {
        sql("DELETE FROM audit_entry_recipient WHERE seq = 30");
        sql("DELETE FROM audit_entry_case_reference WHERE seq = 30");
        sql("DELETE FROM audit_entry WHERE seq = 30");

        assertFailure(FailureCode.ENTRY_MISSING, "30");
    }

    @Test
    void twoEntriesSwappedAreFoundAndLocated() throws Exception {
        // Swap the places of entries 12 and 13, children first, through a free sequence number.
        for (String table : List.of("audit_entry_recipient", "audit_entry_case_reference")) {
            sql("ALTER TABLE " + table + " DROP CONSTRAINT " + table + "_fk");
        }
        for (String table : List.of("audit_entry", "audit_entry_recipient", "audit_entry_case_reference")) {
            sql("UPDATE " + table + " SET seq = 999999 WHERE seq = 12");
            sql("UPDATE " + table + " SET seq = 12 WHERE seq = 13");
            sql("UPDATE " + table + " SET seq = 13 WHERE seq = 999999");
        }

        VerificationReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.problem()).contains("12");
    }

    @Test
    void aChangedEntryWhoseStoredHashWasRewrittenIsLocatedByTheSignedCheckpoints() throws Exception {
        LogEntry original = log.entry(25).orElseThrow();
        AuditEvent e = original.event();
        LogEntry forged = new LogEntry(25, original.recordedAt(), new AuditEvent(e.eventKey(), e.time(),
                e.exchangeId(), e.messageId(), e.correlationId(), e.caseReferences(), e.step(), e.operation(),
                e.outcome(), e.reason(), e.explanation(), e.actor(), e.sender(), e.recipients(), "UK_GSC OFFICIAL",
                e.handling(), e.legalBasis(), e.justification(), e.payloadDigest()));
        sql("UPDATE audit_entry SET marking = 'UK_GSC OFFICIAL' WHERE seq = 25");
        try (Connection c = admin();
             PreparedStatement update = c.prepareStatement("UPDATE audit_entry SET leaf_hash = ? WHERE seq = 25")) {
            update.setBytes(1, MerkleHash.leaf(EntryCodec.canonical(forged)));
            update.executeUpdate();
        }

        VerificationReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.failure()).isEqualTo(FailureCode.CHECKPOINT_ROOT_MISMATCH);
        assertThat(report.problem()).contains("30");
    }

    @Test
    void aForgedCheckpointRootIsFound() throws Exception {
        try (Connection c = admin();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE audit_checkpoint SET root_hash = ? WHERE tree_size = 20")) {
            update.setBytes(1, new byte[MerkleHash.SIZE]);
            update.executeUpdate();
        }

        VerificationReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.failure()).isEqualTo(FailureCode.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(report.problem()).contains("20");
    }

    private void assertFailure(FailureCode code, String entry) throws Exception {
        VerificationReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.failure()).isEqualTo(code);
        assertThat(report.problem()).contains(entry);
    }

    private VerificationReport verify() throws Exception {
        CheckpointVerifier checkpoints = CheckpointVerifier.create(AuditPki.certificate("audit"), List.of(),
                AuditPki.trusting("uk-root-ca"));
        return new LogVerifier(log, checkpoints).verify();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private Connection admin() throws SQLException {
        String password = settings.passwordEnv().isEmpty() ? null : System.getenv(settings.passwordEnv());
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user().isEmpty() ? null : settings.user(),
                password);
    }
}
