-- A delivery whose first hand-over failed for a reason that may pass waits for its next attempt, off the agency's
-- queue (routes/retries.camel.yaml), in state RETRYING: its receipt is already expected (a receipt that comes for an
-- attempt that seemed to fail still closes it), but the resend timer leaves it alone, since the envelope may never
-- have reached the partner. A successful attempt makes it AWAITING, due after the partner's receipt timeout; the
-- last failed one makes it FAILED (DELIVERY_FAILED).
ALTER TABLE gateway_awaiting_receipt DROP CONSTRAINT gateway_awaiting_receipt_state_ck;
ALTER TABLE gateway_awaiting_receipt ADD CONSTRAINT gateway_awaiting_receipt_state_ck
    CHECK (state IN ('AWAITING', 'RETRYING', 'ACKNOWLEDGED', 'REFUSED_BY_PARTNER', 'FAILED'));
