-- Material received from partners, with the handling it arrived under: the outbound path looks here before an agency
-- sends on anything that refers to it (by message id, in-reply-to or case reference), so that material a provider
-- forbade passing on goes back to that provider only. Recorded by the inbound pipeline for every message it
-- delivers to an agency; the rule that decides which handling codes forbid onward dissemination lives in the code
-- (policy.OnwardDissemination), so the record keeps the original code, not a verdict.
--
-- One row per (message id, originating partner): the same id from two partners is two pieces of material. The key
-- starts with the message id, so lookups by message id use it. Not part of the audit log and not hashed.
CREATE TABLE gateway_received_material (
    message_id          VARCHAR(500)                NOT NULL,
    originating_partner VARCHAR(100)                NOT NULL,
    handling_scheme     VARCHAR(20)                 NOT NULL,
    handling_code       VARCHAR(20)                 NOT NULL,
    received_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT gateway_received_material_pk PRIMARY KEY (message_id, originating_partner)
);
