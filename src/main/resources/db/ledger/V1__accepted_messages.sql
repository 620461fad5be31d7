-- The record of which message ids each agency has had accepted, and through which transport (JMS) message.
-- It lives in the same database as the audit log so that every gateway node sharing that database sees it: a message
-- id resubmitted to any node is refused as a duplicate. Not part of the audit log and not hashed.
--
-- IF NOT EXISTS: releases before the ledger had its own migrations created this same table from the audit log's
-- migration V2; a database they left keeps its table and rows.
CREATE TABLE IF NOT EXISTS gateway_accepted_message (
    agency               VARCHAR(100)                NOT NULL,
    message_id           VARCHAR(500)                NOT NULL,
    transport_message_id VARCHAR(500)                NOT NULL,
    accepted_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT gateway_accepted_message_pk PRIMARY KEY (agency, message_id)
);
