-- The exchange store: every exchange the gateway handles, where it stands, every attempt to deliver it, and
-- (sealed under the storage key, AES-256-GCM) what is needed to replay it. In the same database as the audit log,
-- so every gateway node sharing it sees the same exchanges; not part of the audit log and not hashed.
--
-- One outbound exchange per agency message and recipient once there is a recipient; a message refused or held as a
-- whole is one exchange without a recipient. One inbound exchange per envelope (or refused receipt) taken in.
--
-- reference: the id operators use, derived from the gateway exchange id, direction and recipient, so a redelivery of
--   the same JMS message records into the same row instead of adding one.
-- agency: our agency (the sender outbound, the addressee inbound); partner: the other party (the recipient
--   outbound, the sender inbound); recipient: whom this exchange delivers to (null for a whole message).
-- version: incremented by every change; operators' transitions are compare-and-set on state (and may be on version).
-- failed_since: when the exchange last became FAILED (kept through REPLAYED, DISCARDED, EXPIRED).
-- attempts: the number of rows in gateway_exchange_attempt for it.
-- node: the gateway node that last recorded it.
CREATE TABLE gateway_exchange (
    reference            VARCHAR(64)                 NOT NULL,
    direction            VARCHAR(16)                 NOT NULL,
    exchange_id          VARCHAR(128)                NOT NULL,
    agency               VARCHAR(100),
    partner              VARCHAR(100),
    recipient            VARCHAR(100),
    message_id           VARCHAR(500),
    transport_message_id VARCHAR(500),
    state                VARCHAR(16)                 NOT NULL,
    reason_code          VARCHAR(64),
    explanation          VARCHAR(2000),
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    failed_since         TIMESTAMP(6) WITH TIME ZONE,
    attempts             INTEGER                     NOT NULL,
    version              INTEGER                     NOT NULL,
    node                 VARCHAR(200)                NOT NULL,
    CONSTRAINT gateway_exchange_pk PRIMARY KEY (reference),
    CONSTRAINT gateway_exchange_direction_ck CHECK (direction IN ('OUTBOUND', 'INBOUND')),
    CONSTRAINT gateway_exchange_state_ck CHECK (state IN ('RECEIVED', 'PROCESSING', 'DELIVERED', 'ACKNOWLEDGED',
        'REJECTED', 'FAILED', 'REPLAYED', 'DISCARDED', 'EXPIRED'))
);

-- Operators look for what waits for them, newest first, by state and by party; the pipelines by exchange id.
CREATE INDEX gateway_exchange_state_ix ON gateway_exchange (state, updated_at);
CREATE INDEX gateway_exchange_updated_ix ON gateway_exchange (updated_at);
CREATE INDEX gateway_exchange_partner_ix ON gateway_exchange (partner, updated_at);
CREATE INDEX gateway_exchange_agency_ix ON gateway_exchange (agency, updated_at);
CREATE INDEX gateway_exchange_message_ix ON gateway_exchange (message_id);
CREATE INDEX gateway_exchange_exchange_id_ix ON gateway_exchange (exchange_id);

-- Every attempt to deliver an exchange: when, where to, from which node, how it ended, and the error (its kind and
-- the transport's words, never content). attempt_key tells the attempts of one exchange apart (the JMS delivery and
-- the retry within it), so recording the same attempt twice changes nothing.
CREATE TABLE gateway_exchange_attempt (
    reference    VARCHAR(64)                 NOT NULL,
    attempt_key  VARCHAR(200)                NOT NULL,
    attempted_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    endpoint     VARCHAR(1000),
    node         VARCHAR(200)                NOT NULL,
    outcome      VARCHAR(16)                 NOT NULL,
    error        VARCHAR(1000),
    CONSTRAINT gateway_exchange_attempt_pk PRIMARY KEY (reference, attempt_key),
    CONSTRAINT gateway_exchange_attempt_exchange_fk FOREIGN KEY (reference) REFERENCES gateway_exchange (reference),
    CONSTRAINT gateway_exchange_attempt_outcome_ck CHECK (outcome IN ('DELIVERED', 'FAILED'))
);

-- What is needed to replay an exchange, one per exchange, sealed: AES-256-GCM under the storage key named by key_id,
-- bound to the reference and kind. Retention erases it (nonce and ciphertext gone, erased_at set) and keeps the row,
-- so that what was kept, and when it went, stays known.
CREATE TABLE gateway_exchange_content (
    reference   VARCHAR(64)                 NOT NULL,
    kind        VARCHAR(32)                 NOT NULL,
    key_id      VARCHAR(64)                 NOT NULL,
    nonce       BYTEA,
    ciphertext  BYTEA,
    stored_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    erased_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT gateway_exchange_content_pk PRIMARY KEY (reference),
    CONSTRAINT gateway_exchange_content_exchange_fk FOREIGN KEY (reference) REFERENCES gateway_exchange (reference),
    CONSTRAINT gateway_exchange_content_kind_ck CHECK (kind IN ('SEALED_ENVELOPE', 'ORIGINAL_MESSAGE',
        'RECEIVED_ENVELOPE', 'RECEIVED_RECEIPT')),
    CONSTRAINT gateway_exchange_content_erased_ck CHECK ((erased_at IS NULL AND nonce IS NOT NULL
        AND ciphertext IS NOT NULL) OR (erased_at IS NOT NULL AND nonce IS NULL AND ciphertext IS NULL))
);

-- Retention looks for content not yet erased.
CREATE INDEX gateway_exchange_content_erased_ix ON gateway_exchange_content (erased_at);
