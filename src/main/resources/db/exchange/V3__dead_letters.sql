-- Dead letters: messages the broker parked on gw.dlq, taken into the store with what is needed to send them back to
-- their original address (exchange.deadletter.DeadLetterContent), sealed like every other content kind. The
-- original address is inside the sealed content and named in the explanation: no column of its own.
ALTER TABLE gateway_exchange_content DROP CONSTRAINT gateway_exchange_content_kind_ck;
ALTER TABLE gateway_exchange_content ADD CONSTRAINT gateway_exchange_content_kind_ck CHECK (kind IN (
    'SEALED_ENVELOPE', 'ORIGINAL_MESSAGE', 'RECEIVED_ENVELOPE', 'RECEIVED_RECEIPT', 'DEAD_LETTER'));

-- The metrics and health count FAILED exchanges per partner and look for the oldest failure.
CREATE INDEX gateway_exchange_failed_ix ON gateway_exchange (state, partner, failed_since);
