-- The durable audit log: an append-only Merkle tree of entries with signed checkpoints.
--
-- One set of SQL for H2 (embedded default) and PostgreSQL (production): only types and syntax both accept
-- (BIGINT, VARCHAR, TIMESTAMP(6) WITH TIME ZONE, BYTEA - which H2 takes as BINARY VARYING).
-- Times are kept at microsecond precision, the precision of the canonical entry form, so that a row maps back to
-- exactly the bytes that were hashed. Identifiers that are searched are bounded at 500 characters (at most 2,000
-- bytes of UTF-8, under PostgreSQL's limit for a b-tree index entry); free text is unbounded.

-- Entries. seq is the leaf index in the Merkle tree: gap-free from 0, allocated under the lock on audit_head.
CREATE TABLE audit_entry (
    seq             BIGINT                      NOT NULL,
    recorded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    event_key       VARCHAR(500)                NOT NULL,
    event_time      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    exchange_id     VARCHAR(500)                NOT NULL,
    message_id      VARCHAR(500),
    correlation_id  VARCHAR(500),
    step            VARCHAR(100)                NOT NULL,
    operation       VARCHAR(40)                 NOT NULL,
    outcome         VARCHAR(40)                 NOT NULL,
    reason          VARCHAR(100),
    explanation     VARCHAR,
    actor           VARCHAR(500)                NOT NULL,
    sender          VARCHAR(500),
    marking         VARCHAR(500),
    handling        VARCHAR(500),
    legal_basis     VARCHAR,
    justification   VARCHAR,
    payload_digest  VARCHAR(128),
    -- RFC 9162 leaf hash of the entry's canonical bytes (EntryCodec)
    leaf_hash       BYTEA                       NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (seq),
    CONSTRAINT audit_entry_event_key_uq UNIQUE (event_key),
    CONSTRAINT audit_entry_seq_ck CHECK (seq >= 0)
);

-- Lists are child rows, so that a search for one value is an exact, indexed match (never LIKE on a joined string).
-- position keeps the order the event gave, which the canonical form (and so the hash) depends on.
CREATE TABLE audit_entry_case_reference (
    seq            BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    case_reference VARCHAR(500) NOT NULL,
    CONSTRAINT audit_entry_case_reference_pk PRIMARY KEY (seq, position),
    CONSTRAINT audit_entry_case_reference_fk FOREIGN KEY (seq) REFERENCES audit_entry (seq)
);

CREATE TABLE audit_entry_recipient (
    seq       BIGINT       NOT NULL,
    position  INTEGER      NOT NULL,
    recipient VARCHAR(500) NOT NULL,
    CONSTRAINT audit_entry_recipient_pk PRIMARY KEY (seq, position),
    CONSTRAINT audit_entry_recipient_fk FOREIGN KEY (seq) REFERENCES audit_entry (seq)
);

-- One row: the next sequence number. Every append transaction locks it (SELECT ... FOR UPDATE) first, which
-- serialises appends across all gateway nodes sharing the database and so keeps seq gap-free and unique.
CREATE TABLE audit_head (
    id       INTEGER NOT NULL,
    next_seq BIGINT  NOT NULL,
    CONSTRAINT audit_head_pk PRIMARY KEY (id),
    CONSTRAINT audit_head_one_row_ck CHECK (id = 1),
    CONSTRAINT audit_head_next_seq_ck CHECK (next_seq >= 0)
);

INSERT INTO audit_head (id, next_seq) VALUES (1, 0);

-- Signed checkpoints: after tree_size entries the root was root_hash, signed by the key key_id.
CREATE TABLE audit_checkpoint (
    tree_size       BIGINT                      NOT NULL,
    root_hash       BYTEA                       NOT NULL,
    checkpoint_time TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    key_id          VARCHAR(128)                NOT NULL,
    signature       BYTEA                       NOT NULL,
    CONSTRAINT audit_checkpoint_pk PRIMARY KEY (tree_size),
    CONSTRAINT audit_checkpoint_tree_size_ck CHECK (tree_size >= 0)
);

-- One index per search criterion, each ending in seq: results come back in log order straight from the index.
CREATE INDEX audit_entry_exchange_ix   ON audit_entry (exchange_id, seq);
CREATE INDEX audit_entry_message_ix    ON audit_entry (message_id, seq);
CREATE INDEX audit_entry_sender_ix     ON audit_entry (sender, seq);
CREATE INDEX audit_entry_marking_ix    ON audit_entry (marking, seq);
CREATE INDEX audit_entry_operation_ix  ON audit_entry (operation, seq);
CREATE INDEX audit_entry_outcome_ix    ON audit_entry (outcome, seq);
CREATE INDEX audit_entry_time_ix       ON audit_entry (event_time, seq);
CREATE INDEX audit_case_reference_ix   ON audit_entry_case_reference (case_reference, seq);
CREATE INDEX audit_recipient_ix        ON audit_entry_recipient (recipient, seq);
