-- Requests for information waiting for their reply, in both directions, with the deadline of Directive (EU)
-- 2023/977 Art. 5(1). Shared by every gateway node through the audit log's database. Not part of the audit log:
-- opening and closing an entry are themselves audited (REQUEST_OPENED, REQUEST_CLOSED).
--
-- direction:       INBOUND (a partner asked one of our agencies: we must answer) or OUTBOUND (we await an answer).
-- message_id:      the request's message id; unique per requester.
-- requester, requested_party: party ids as they travel between the gateways (our agency's party id, the partner's
--                  id). One outbound request to two partners is two entries.
-- agency:          our agency's id (its queues' name), on whichever side of the request it is.
-- exchange_id:     the gateway exchange that took the request through.
-- received_at:     when the requested party received the request (for OUTBOUND: when it was delivered to the
--                  partner's endpoint); the deadline runs from it.
-- time_limit:      URGENT_DIRECT (8 hours), URGENT_INDIRECT (3 calendar days) or STANDARD (7 calendar days).
-- closed_at, closing_message_id: when a reply naming the request in in-reply-to passed through, and its id. A
--                  closed entry is kept, so the record shows when each request was answered.
CREATE TABLE gateway_open_request (
    direction          VARCHAR(8)                  NOT NULL,
    message_id         VARCHAR(500)                NOT NULL,
    requester          VARCHAR(100)                NOT NULL,
    requested_party    VARCHAR(100)                NOT NULL,
    agency             VARCHAR(100)                NOT NULL,
    exchange_id        VARCHAR(200)                NOT NULL,
    received_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    urgent             BOOLEAN                     NOT NULL,
    time_limit         VARCHAR(20)                 NOT NULL,
    closed_at          TIMESTAMP(6) WITH TIME ZONE,
    closing_message_id VARCHAR(500),
    CONSTRAINT gateway_open_request_pk PRIMARY KEY (direction, message_id, requester, requested_party),
    CONSTRAINT gateway_open_request_direction CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    CONSTRAINT gateway_open_request_closing CHECK ((closed_at IS NULL AND closing_message_id IS NULL)
        OR (closed_at IS NOT NULL AND closing_message_id IS NOT NULL))
);

-- Open and overdue requests are found by closed_at IS NULL and due_at, per direction.
CREATE INDEX gateway_open_request_due ON gateway_open_request (direction, closed_at, due_at);
