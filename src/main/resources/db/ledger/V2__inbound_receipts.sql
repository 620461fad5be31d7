-- The receipts the gateway issued for envelopes it delivered, by sender and message id. It lives in the same
-- database as the audit log so that every gateway node sharing that database sees it: an envelope repeated to any
-- node is answered with the very receipt issued the first time (the same bytes) and is never delivered again.
-- transport_message_id tells a repeat (another transport message) from a redelivery of the same one after a crash
-- before its transaction committed, which is processed again. Not part of the audit log and not hashed.
CREATE TABLE gateway_inbound_receipt (
    sender               VARCHAR(100)                NOT NULL,
    message_id           VARCHAR(500)                NOT NULL,
    transport_message_id VARCHAR(500)                NOT NULL,
    exchange_id          VARCHAR(100)                NOT NULL,
    received_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    outcome              VARCHAR(20)                 NOT NULL,
    -- the signed receipt (DER CMS SignedData), exactly as issued
    receipt              BYTEA                       NOT NULL,
    CONSTRAINT gateway_inbound_receipt_pk PRIMARY KEY (sender, message_id)
);
