-- Deliveries to partners that wait for the partner's signed receipt, one row per exchange and partner. In the same
-- database as the audit log, so every gateway node sharing it sees the same rows: whichever node takes a receipt
-- closes the delivery, and an overdue one is sent again by exactly one node (each claim is a conditional UPDATE on
-- revision). Not part of the audit log and not hashed.
--
-- The envelope is kept as it was sent - encrypted for the partner, so no clear content is at rest here - because a
-- resend must be the very same envelope (same message id, same exchange id, same payload digest).
--
-- state: AWAITING until a receipt closes it (ACKNOWLEDGED or REFUSED_BY_PARTNER) or the resends run out (FAILED,
--   closing_reason NO_RECEIPT); FAILED with DELIVERY_FAILED when the hand-over itself failed and nothing is awaited.
-- attempts: how many times the envelope has been sent (1 after the first delivery).
-- next_due_at: when the delivery is overdue (AWAITING), or when an unfinished FAILED notice may be taken up again.
-- closing_delivery: the receipt's delivery that closed the row (its JMS message id, or the digest of the receipt
--   bytes), so that a redelivery of that very receipt is told apart from another receipt for a closed exchange.
-- notified: the agency has been told the FAILED outcome (always true for the other states).
CREATE TABLE gateway_awaiting_receipt (
    exchange_id          VARCHAR(128)                NOT NULL,
    partner              VARCHAR(100)                NOT NULL,
    agency               VARCHAR(100)                NOT NULL,
    message_id           VARCHAR(500)                NOT NULL,
    transport_message_id VARCHAR(500)                NOT NULL,
    payload_digest       VARCHAR(64)                 NOT NULL,
    envelope             BYTEA                       NOT NULL,
    endpoint             VARCHAR(1000)               NOT NULL,
    first_sent_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts             INTEGER                     NOT NULL,
    next_due_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    state                VARCHAR(32)                 NOT NULL,
    closing_reason       VARCHAR(64),
    closing_explanation  VARCHAR(2000),
    closing_delivery     VARCHAR(500),
    closed_at            TIMESTAMP(6) WITH TIME ZONE,
    notified             BOOLEAN                     NOT NULL,
    revision             INTEGER                     NOT NULL,
    CONSTRAINT gateway_awaiting_receipt_pk PRIMARY KEY (exchange_id, partner),
    CONSTRAINT gateway_awaiting_receipt_state_ck
        CHECK (state IN ('AWAITING', 'ACKNOWLEDGED', 'REFUSED_BY_PARTNER', 'FAILED'))
);

-- A receipt names the message id, the partner (its issuer) and the agency (its addressee).
CREATE INDEX gateway_awaiting_receipt_message_ix ON gateway_awaiting_receipt (agency, message_id, partner);
-- The resend timer asks for what is due.
CREATE INDEX gateway_awaiting_receipt_due_ix ON gateway_awaiting_receipt (state, next_due_at);
