package uk.xborder.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;

/** Signed checkpoints in {@code audit_checkpoint}, one per tree size. */
final class CheckpointStore {

    /** SQL:2011 and both databases: unique constraint violated. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "tree_size, root_hash, checkpoint_time, key_id, signature";

    private final DataSource db;

    CheckpointStore(DataSource db) {
        this.db = db;
    }

    /**
     * Stores a checkpoint. Returns false if one of the same tree size is already stored: another node signed the
     * same tree first, which is not an error (both signed the same root).
     */
    boolean insert(SignedCheckpoint signed) throws SQLException {
        Checkpoint checkpoint = signed.checkpoint();
        try (Connection connection = db.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO audit_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setBytes(2, checkpoint.rootHash());
            DbTime.bind(insert, 3, checkpoint.time());
            insert.setString(4, checkpoint.keyId());
            insert.setBytes(5, signed.signature());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    List<SignedCheckpoint> all() throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY tree_size")) {
            return read(select);
        }
    }

    /** The checkpoint of the largest tree, if any. */
    Optional<SignedCheckpoint> latest() throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_checkpoint"
                     + " ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY")) {
            return read(select).stream().findFirst();
        }
    }

    private static List<SignedCheckpoint> read(PreparedStatement select) throws SQLException {
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Checkpoint checkpoint = new Checkpoint(rows.getLong("tree_size"), rows.getBytes("root_hash"),
                        DbTime.read(rows, "checkpoint_time"), rows.getString("key_id"));
                checkpoints.add(new SignedCheckpoint(checkpoint, rows.getBytes("signature")));
            }
        }
        return checkpoints;
    }
}
