package uk.xborder.gateway.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.Step;

/**
 * The canonical form is what every stored hash was computed over: it must stay byte for byte what earlier versions
 * wrote, and it must read back whatever codes an entry carries, known to this version or not.
 */
class EntryCodecTest {

    /** Written by the version before steps were typed (the 19-argument constructor and enum codes). */
    private static final String FULL = "{\"v\":1,\"seq\":7,\"recordedAt\":\"2026-11-25T10:15:30.123456Z\","
            + "\"eventKey\":\"golden\",\"time\":\"2026-11-25T10:15:30.123456Z\",\"exchangeId\":\"ex-golden\","
            + "\"messageId\":\"msg-golden\",\"correlationId\":\"corr-golden\",\"caseReferences\":[\"CASE-1\","
            + "\"CASE-2\"],\"step\":\"RECEIVED\",\"operation\":\"COLLECTION\",\"outcome\":\"SUCCESS\","
            + "\"reason\":null,\"explanation\":\"Received from the agency\",\"actor\":\"gateway/outbound\","
            + "\"sender\":\"police-scotland\",\"recipients\":[\"europol\",\"nca\"],"
            + "\"marking\":\"UK_GSC OFFICIAL-SENSITIVE\",\"handling\":\"UK_3X5X2 P\",\"legalBasis\":\"DPA 2018 s.35\","
            + "\"justification\":\"Prevention of serious crime\","
            + "\"payloadDigest\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}";
    /** Also written by that version: a step recorded with an operation no step has today. */
    private static final String SPARSE = "{\"v\":1,\"seq\":8,\"recordedAt\":\"2026-11-25T10:15:30.123456Z\","
            + "\"eventKey\":\"sparse\",\"time\":\"2026-11-25T10:15:30.123457Z\",\"exchangeId\":\"ex-sparse\","
            + "\"messageId\":null,\"correlationId\":null,\"caseReferences\":[],\"step\":\"WELL_FORMED\","
            + "\"operation\":\"CONSULTATION\",\"outcome\":\"REJECTED\",\"reason\":\"MALFORMED_XML\","
            + "\"explanation\":null,\"actor\":\"gateway/outbound\",\"sender\":null,\"recipients\":[],\"marking\":null,"
            + "\"handling\":null,\"legalBasis\":null,\"justification\":null,\"payloadDigest\":null}";

    @Test
    void anEventBuiltFromItsStepHasTheBytesEarlierVersionsWrote() {
        Instant t0 = Instant.parse("2026-11-25T10:15:30.123456789Z");
        AuditEvent built = AuditEvent.of(Step.RECEIVED, "ex-golden").time(t0).actor("gateway/outbound")
                .message("msg-golden", "corr-golden", List.of("CASE-1", "CASE-2"))
                .explanation("Received from the agency").parties("police-scotland", List.of("europol", "nca"))
                .protection("UK_GSC OFFICIAL-SENSITIVE", "UK_3X5X2 P", "DPA 2018 s.35")
                .justification("Prevention of serious crime")
                .payloadDigest("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").build();
        // The golden entry was written with its own key; everything else comes from the builder.
        AuditEvent event = new AuditEvent("golden", built.time(), built.exchangeId(), built.messageId(),
                built.correlationId(), built.caseReferences(), built.step(), built.operation(), built.outcome(),
                built.reason(), built.explanation(), built.actor(), built.sender(), built.recipients(),
                built.marking(), built.handling(), built.legalBasis(), built.justification(), built.payloadDigest());

        assertThat(text(EntryCodec.canonical(new LogEntry(7, t0, event)))).isEqualTo(FULL);
    }

    @ParameterizedTest
    @CsvSource({"FULL", "SPARSE"})
    void existingEntriesReadBackToTheirOwnBytes(String which) {
        String canonical = which.equals("FULL") ? FULL : SPARSE;

        LogEntry entry = EntryCodec.parse(bytes(canonical));

        assertThat(text(EntryCodec.canonical(entry))).isEqualTo(canonical);
    }

    @Test
    void codesNoVersionKnowsAreReadAsTheyAre() {
        String edited = SPARSE.replace("\"REJECTED\"", "\"WAIVED_BY_ADMIN\"")
                .replace("\"MALFORMED_XML\"", "\"NOT_A_REASON\"").replace("\"CONSULTATION\"", "\"PERUSAL\"")
                .replace("\"WELL_FORMED\"", "\"TELEPORTED\"");

        AuditEvent event = EntryCodec.parse(bytes(edited)).event();

        assertThat(event.outcome()).isEqualTo("WAIVED_BY_ADMIN");
        assertThat(event.reason()).isEqualTo("NOT_A_REASON");
        assertThat(event.operation()).isEqualTo("PERUSAL");
        assertThat(event.step()).isEqualTo("TELEPORTED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a required field missing    | \"actor\":\"gateway/outbound\",         |                             ",
            "a required field null       | \"actor\":\"gateway/outbound\"          | \"actor\":null               ",
            "a code of the wrong type    | \"outcome\":\"REJECTED\"                | \"outcome\":17               ",
            "a time that is not one      | \"time\":\"2026-11-25T10:15:30.123457Z\" | \"time\":\"yesterday-secret\" ",
            "a list that is not one      | \"recipients\":[]                      | \"recipients\":\"nca\"        ",
            "a list of other things      | \"recipients\":[]                      | \"recipients\":[1]           "})
    void anEntryThatIsNotOneIsRefusedNamingItsSeqButNotTheValue(String what, String from, String to) {
        String broken = SPARSE.replace(from.strip(), to == null ? "" : to.strip());
        assertThat(broken).isNotEqualTo(SPARSE);

        assertThatIllegalArgumentException().isThrownBy(() -> EntryCodec.parse(bytes(broken)))
                .withMessageStartingWith("audit entry 8 ")
                .withMessageNotContaining("secret");
    }

    /**
     * The canonical form is written field by field; release 1 wrote it as a mapper writes a map of the fields. The
     * two must agree byte for byte on any text an event can carry (quotes, back-slashes, control characters,
     * non-Latin scripts, characters outside the BMP), or every stored hash would stop matching.
     */
    @Test
    void writingFieldByFieldGivesTheBytesTheMapOfFieldsGave() throws Exception {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 2_000; i++) {
            LogEntry entry = new LogEntry(random.nextLong(Long.MAX_VALUE),
                    Instant.ofEpochSecond(random.nextLong(4_000_000_000L), random.nextInt(1_000_000_000)),
                    randomEvent(random));

            assertThat(text(EntryCodec.canonical(entry))).isEqualTo(text(asMapOfFields(entry)));
        }
    }

    /** How release 1 wrote the canonical form: a map of the fields in canonical order, serialised by a mapper. */
    private static byte[] asMapOfFields(LogEntry entry) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", EntryCodec.VERSION);
        fields.put("seq", entry.seq());
        fields.put("recordedAt", entry.recordedAt().truncatedTo(ChronoUnit.MICROS).toString());
        for (EventField field : EventField.values()) {
            Object value = field.of(entry.event());
            fields.put(field.canonicalName(),
                    value instanceof Instant time ? time.truncatedTo(ChronoUnit.MICROS).toString() : value);
        }
        return new ObjectMapper().writeValueAsBytes(fields);
    }

    private static AuditEvent randomEvent(SplittableRandom random) {
        return new AuditEvent(awkward(random, 1), Instant.ofEpochSecond(random.nextLong(4_000_000_000L),
                random.nextInt(1_000_000_000)), awkward(random, 1), optional(random), optional(random),
                awkwardList(random), awkward(random, 1), awkward(random, 1), awkward(random, 1), optional(random),
                optional(random), awkward(random, 1), optional(random), awkwardList(random), optional(random),
                optional(random), optional(random), optional(random), optional(random));
    }

    private static String optional(SplittableRandom random) {
        return random.nextInt(4) == 0 ? null : awkward(random, 0);
    }

    private static List<String> awkwardList(SplittableRandom random) {
        List<String> values = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            values.add(awkward(random, 1));
        }
        return values;
    }

    /** Text drawn from what JSON escapes or encodes in more than one byte, and plain letters. */
    private static String awkward(SplittableRandom random, int minLength) {
        String[] pieces = {"a", "Z", "7", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f", "é",
            "ß", "Ω", "中", "\u2028", "\uFEFF", "😀", "𝄞", "<", "&", "'"};
        StringBuilder text = new StringBuilder();
        for (int n = minLength + random.nextInt(12); n > 0; n--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
