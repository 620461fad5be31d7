package uk.xborder.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import uk.xborder.gateway.testsupport.Examples.Kind;

/**
 * Generators of hostile inputs for {@link RefusalProperty}: random bytes, markup soup, and mutations of real
 * documents (the examples in {@code examples/}, or seeds a test gives, such as transport envelopes). Each
 * generated input carries its recipe, so a failure names the document and the mutations that made it.
 *
 * <p>Byte mutations ({@link #mutated}) break documents in the ways a parser must survive: flipped and truncated
 * bytes, hostile fragments (DOCTYPE, entities, XInclude, processing instructions, CDATA, comments, character
 * references, {@code xmlns} and {@code :mlns} attributes, unbound or empty prefixes, duplicate attributes, xsi
 * hints), byte-order marks, re-encodings and lying XML declarations, invalid UTF-8 and encoded surrogates, NUL,
 * very long names, deep nesting, huge attribute counts, elements spliced from another format, and edge values in
 * fields. Tree mutations ({@link DocumentReshaping}) keep documents well-formed, for the steps after the parser.
 *
 * <p>Generation is deterministic for a given random source, and nothing here is large: the biggest input is about
 * a megabyte. Not thread-safe; a property generates its cases on one thread.
 */
public final class HostileInputs {

    /** A document to mutate, and the name it is reported by. */
    public record Seed(String name, byte[] bytes) {
    }

    private static final String XSI = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    /** Inserted between tags (or anywhere): markup a parser must refuse or ignore, never follow. */
    static final List<String> MARKUP = List.of(
            "<!DOCTYPE r>",
            "<!DOCTYPE r [<!ENTITY x \"y\">]>",
            "<!DOCTYPE r SYSTEM \"file:///etc/passwd\">",
            "<!DOCTYPE r PUBLIC \"-//X//EN\" \"http://127.0.0.1:9/x.dtd\">",
            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>",
            "<!ENTITY x SYSTEM \"file:///etc/passwd\">",
            "<!ELEMENT a ANY>",
            "<!ATTLIST a b CDATA #FIXED \"c\">",
            "&x;", "&lol9;", "%p;", "&amp", "&", "&lt;&gt;&apos;&quot;&amp;",
            "&#0;", "&#x0;", "&#xD800;", "&#xDFFF;", "&#xFFFE;", "&#xFFFF;", "&#x10FFFF;", "&#x110000;",
            "&#99999999999999999999;", "&#x;", "&#;", "&#x1F600;", "&#65;", "&#x85;", "&#x2028;",
            "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>",
            "<xi:include xmlns:xi=\"http://www.w3.org/2003/XInclude\" href=\"/etc/hostname\"/>",
            "<include xmlns=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/>",
            "<?xml-stylesheet type=\"text/xsl\" href=\"http://127.0.0.1:9/x.xsl\"?>",
            "<?pi data?>", "<?xml version=\"1.0\"?>", "<?XML x?>", "<?xml-model href=\"x.rnc\"?>", "<?pi", "<??>",
            "<![CDATA[<x>&amp;</x>]]>", "<![CDATA[", "]]>", "<![CDATA[]]]]><![CDATA[>]]>", "<![INCLUDE[ x ]]>",
            "<!-- c -->", "<!-- -- -->", "<!--", "<!--->", "<!---->",
            "<:x/>", "<:mlns/>", "<:/>", "<p:x/>", "<x:/>", "<x xmlns:p=\"urn:p\"><p:y/></x>", "<x xmlns=\"\"/>",
            "<x/><y/>", "<a>", "</a>", "<a></b>", "<a b='1' b='2'/>", "<a b:c:d='1'/>", "<1a/>", "<a\u0000/>",
            "<xml:a/>", "<xmlns:a/>", "<a xmlns:p=\"urn:p\" xmlns:q=\"urn:p\" p:b=\"1\" q:b=\"2\"/>",
            "\u0000", "\u0001", "\u0008", "\u001B", "\uFFFE", "\uFEFF", "\u2028", "\u0085", "\uD83D\uDE00", "\r\n\r");

    /** Inserted inside a start tag. */
    static final List<String> ATTRIBUTES = List.of(
            "xmlns=\"\"", "xmlns=\"urn:other\"", "xmlns:p=\"\"", "xmlns:xml=\"urn:x\"", "xmlns:xmlns=\"urn:x\"",
            "xmlns:p=\"http://www.w3.org/2000/xmlns/\"", "xmlns=\"http://www.w3.org/XML/1998/namespace\"",
            ":mlns=\"x\"", ":a=\"b\"", ":=\"b\"", "xmlns:=\"x\"", "p:a=\"1\"", "p:=\"1\"", ":p:a=\"1\"",
            "xmlns:p=\"urn:p\" p:a=\"1\" p:a=\"2\"", "xmlns:p=\"urn:p\" xmlns:q=\"urn:p\" p:a=\"1\" q:a=\"2\"",
            "a=\"1\" a=\"2\"", "xmlns=\"urn:a\" xmlns=\"urn:b\"",
            "xsi:type=\"xs:string\" " + XSI + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"",
            "xsi:type=\"xs:anyType\" " + XSI + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"",
            "xsi:type=\"undeclared:T\" " + XSI, "xsi:nil=\"true\" " + XSI, "xsi:nil=\"maybe\" " + XSI,
            "xsi:schemaLocation=\"urn:x http://127.0.0.1:9/x.xsd\" " + XSI,
            "xsi:noNamespaceSchemaLocation=\"file:///etc/passwd\" " + XSI,
            "xml:lang=\"en\"", "xml:space=\"preserve\"", "xml:space=\"bogus\"", "xml:base=\"http://127.0.0.1:9/\"",
            "xml:id=\"x\"", "a=\"<\"", "a=\"&x;\"", "a=\"&#0;\"", "a='\"'", "a=b", "a", "=\"x\"", "a=\"\u0000\"",
            "a=\"&#x9;&#xA;&#xD;\"", "system=\"\"", "system=\"" + "S".repeat(300) + "\"");

    /** XML declarations a sender might write, honest or not. */
    static final List<String> DECLARATIONS = List.of(
            "<?xml version=\"1.1\"?>", "<?xml version=\"2.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-7\"?>",
            "<?xml version=\"1.0\" encoding=\"x-unknown-charset\"?>", "<?xml version=\"1.0\" encoding=\"EBCDIC-CP-US\"?>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.0\" encoding=\"UTF-32\"?>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>",
            "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>", "<?xml version=\"1.0\" standalone=\"maybe\"?>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", "<?xml encoding=\"UTF-8\"?>",
            " <?xml version=\"1.0\"?>", "<?xml version='1.0' encoding=''?>", "<?xml?>",
            "<?xml version=\"1." + "0".repeat(10_000) + "\"?>",
            "<?xml version='1.0' encoding='" + "A".repeat(5_000) + "'?>");

    /** Byte-order marks, right and wrong. */
    static final List<byte[]> BOMS = List.of(
            bytes(0xEF, 0xBB, 0xBF), bytes(0xFE, 0xFF), bytes(0xFF, 0xFE), bytes(0x00, 0x00, 0xFE, 0xFF),
            bytes(0xFF, 0xFE, 0x00, 0x00), bytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF), bytes(0xEF, 0xBB),
            bytes(0x2B, 0x2F, 0x76, 0x38));

    /** Byte sequences that are not UTF-8, or encode what XML may not hold. */
    static final List<byte[]> INVALID_UTF8 = List.of(
            bytes(0xC0, 0x80), bytes(0xC0, 0xBC), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF),
            bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
            bytes(0xFF), bytes(0xFE), bytes(0x80), bytes(0xBF), bytes(0xE2, 0x82), bytes(0xF0, 0x9F, 0x98),
            bytes(0xEF, 0xBF, 0xBE), bytes(0xEF, 0xBF, 0xBF), bytes(0x00), bytes(0xC2, 0x85), bytes(0xE2, 0x80, 0xA8));

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16, Charset.forName("UTF-32"), StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);

    private final List<Seed> seeds;
    private final FieldValues values;

    private HostileInputs(List<Seed> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed documents");
        }
        this.seeds = List.copyOf(seeds);
        this.values = FieldValues.get();
    }

    /** Every example in {@code examples/}: valid, invalid and attack fixtures of every format. */
    public static HostileInputs ofExamples() {
        return new HostileInputs(exampleSeeds());
    }

    /** The given documents (with the examples' fields and values to splice from). */
    public static HostileInputs of(List<Seed> seeds) {
        return new HostileInputs(seeds);
    }

    /** Every example file as a seed, named by its path under {@code examples/}. */
    public static List<Seed> exampleSeeds() {
        List<Seed> seeds = new ArrayList<>();
        Stream.concat(Examples.valid(), Examples.invalid())
                .forEach(example -> seeds.add(new Seed(example.toString(), example.bytes())));
        try (Stream<Path> attacks = Files.list(Examples.root().resolve("attacks"))) {
            attacks.sorted().forEach(path -> seeds.add(new Seed("attacks/" + path.getFileName(), read(path))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }

    /** The valid examples of one format, as seeds. */
    public static List<Seed> validExamples(Kind kind) {
        return validExamples().stream().filter(seed -> seed.name().startsWith(kind.directory + "/")).toList();
    }

    /** The valid examples of every format, as seeds. */
    public static List<Seed> validExamples() {
        return Examples.valid().map(example -> new Seed(example.toString(), example.bytes())).toList();
    }

    /** Mostly mutated seeds; now and then random bytes or markup soup. */
    public Function<SplittableRandom, HostileInput> anything() {
        return random -> {
            int pick = random.nextInt(100);
            if (pick < 6) {
                return randomBytes(random);
            }
            if (pick < 12) {
                return markupSoup(random);
            }
            return mutated(random);
        };
    }

    /** Up to a few kilobytes of bytes: uniform, or drawn from the characters XML is made of. */
    public HostileInput randomBytes(SplittableRandom random) {
        int length = random.nextInt(1 << random.nextInt(13));
        byte[] bytes = new byte[length];
        boolean xmlish = random.nextBoolean();
        String alphabet = "<>/=\"'&;:!?[]-#xmlns ab\n";
        for (int i = 0; i < length; i++) {
            bytes[i] = xmlish ? (byte) alphabet.charAt(random.nextInt(alphabet.length())) : (byte) random.nextInt(256);
        }
        return new HostileInput((xmlish ? "random XML characters" : "random bytes"), bytes);
    }

    /** Tags, text and hostile fragments strung together, sometimes inside a root element. */
    public HostileInput markupSoup(SplittableRandom random) {
        StringBuilder soup = new StringBuilder();
        int tokens = 1 + random.nextInt(40);
        for (int i = 0; i < tokens; i++) {
            switch (random.nextInt(5)) {
                case 0 -> soup.append(pick(random, MARKUP));
                case 1 -> soup.append("<e ").append(pick(random, ATTRIBUTES)).append('>');
                case 2 -> soup.append("</e>");
                case 3 -> soup.append(values.any(random));
                default -> soup.append("<e/>");
            }
        }
        String text = random.nextBoolean() ? "<r>" + soup + "</r>" : soup.toString();
        return new HostileInput("markup soup of " + tokens + " tokens", text.getBytes(StandardCharsets.UTF_8));
    }

    /** One to three byte-level mutations of a seed. */
    public HostileInput mutated(SplittableRandom random) {
        Seed seed = pick(random, seeds);
        byte[] bytes = seed.bytes();
        List<String> recipe = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            Edit edit = mutate(bytes, random);
            bytes = edit.bytes();
            recipe.add(edit.what());
        }
        return new HostileInput(seed.name() + ": " + String.join(", then ", recipe), bytes);
    }

    private record Edit(String what, byte[] bytes) {
    }

    private Edit mutate(byte[] bytes, SplittableRandom random) {
        return switch (random.nextInt(19)) {
            case 0 -> flipBits(bytes, random);
            case 1 -> truncate(bytes, random);
            case 2 -> deleteSlice(bytes, random);
            case 3 -> duplicateSlice(bytes, random);
            case 4, 5 -> {
                String fragment = pick(random, MARKUP);
                int at = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : afterATag(bytes, random);
                yield insert(bytes, at, utf8(fragment), "markup " + quoted(fragment) + " at " + at);
            }
            case 6, 7 -> {
                String attribute = pick(random, ATTRIBUTES);
                int at = inStartTag(bytes, random);
                yield insert(bytes, at, utf8(" " + attribute + " "), "attribute " + quoted(attribute) + " at " + at);
            }
            case 8 -> {
                byte[] bom = pick(random, BOMS);
                int at = random.nextInt(3) == 0 ? afterATag(bytes, random) : 0;
                yield insert(bytes, at, bom, "byte-order mark " + HostileInput.preview(bom) + " at " + at);
            }
            case 9 -> reencode(bytes, random);
            case 10 -> redeclare(bytes, random);
            case 11 -> {
                byte[] invalid = pick(random, INVALID_UTF8);
                int at = random.nextInt(bytes.length + 1);
                yield insert(bytes, at, invalid, "bytes " + HostileInput.preview(invalid) + " at " + at);
            }
            case 12 -> deepNesting(bytes, random);
            case 13 -> manyAttributes(bytes, random);
            case 14 -> longName(bytes, random);
            case 15 -> splice(bytes, random);
            case 16, 17 -> fieldValue(bytes, random);
            default -> prefixedNamespace(bytes, random);
        };
    }

    private static Edit flipBits(byte[] bytes, SplittableRandom random) {
        if (bytes.length == 0) {
            return new Edit("nothing to flip", bytes);
        }
        byte[] flipped = bytes.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return new Edit(flips + " bit(s) flipped", flipped);
    }

    private static Edit truncate(byte[] bytes, SplittableRandom random) {
        int keep = random.nextInt(bytes.length + 1);
        return new Edit("truncated to " + keep, Arrays.copyOf(bytes, keep));
    }

    private static Edit deleteSlice(byte[] bytes, SplittableRandom random) {
        int from = random.nextInt(bytes.length + 1);
        int to = Math.min(bytes.length, from + random.nextInt(1 + Math.min(200, bytes.length)));
        byte[] out = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(bytes, to, out, from, bytes.length - to);
        return new Edit("bytes " + from + ".." + to + " deleted", out);
    }

    private static Edit duplicateSlice(byte[] bytes, SplittableRandom random) {
        int from = random.nextInt(bytes.length + 1);
        int to = Math.min(bytes.length, from + random.nextInt(1 + Math.min(400, bytes.length)));
        int at = random.nextInt(bytes.length + 1);
        return insert(bytes, at, Arrays.copyOfRange(bytes, from, to),
                "bytes " + from + ".." + to + " copied to " + at);
    }

    private static Edit reencode(byte[] bytes, SplittableRandom random) {
        Charset charset = pick(random, ENCODINGS);
        byte[] encoded = new String(bytes, StandardCharsets.UTF_8).getBytes(charset);
        return new Edit("re-encoded in " + charset.name() + " (declaration unchanged)", encoded);
    }

    private static Edit redeclare(byte[] bytes, SplittableRandom random) {
        String declaration = pick(random, DECLARATIONS);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.startsWith("<?xml") ? text.indexOf("?>") : -1;
        String rest = end < 0 ? text : text.substring(end + 2);
        byte[] out = concat(utf8(declaration), rest.getBytes(StandardCharsets.ISO_8859_1));
        return new Edit("declaration " + quoted(declaration), out);
    }

    private static Edit deepNesting(byte[] bytes, SplittableRandom random) {
        int depth = pick(random, List.of(63, 65, 200, 5_000, 60_000));
        boolean balanced = random.nextInt(4) != 0;
        String open = "<d>".repeat(depth);
        String fragment = balanced ? open + "</d>".repeat(depth) : open;
        int at = afterATag(bytes, random);
        return insert(bytes, at, utf8(fragment), (balanced ? "" : "unclosed ") + "nesting " + depth + " deep at " + at);
    }

    private static Edit manyAttributes(byte[] bytes, SplittableRandom random) {
        int count = pick(random, List.of(100, 9_999, 10_001, 20_000));
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < count; i++) {
            attributes.append(" a").append(i).append("=\"").append(i).append('"');
        }
        int at = inStartTag(bytes, random);
        return insert(bytes, at, utf8(attributes + " "), count + " attributes at " + at);
    }

    private static Edit longName(byte[] bytes, SplittableRandom random) {
        int length = pick(random, List.of(999, 1_001, 5_000, 200_000));
        String name = "n".repeat(length);
        boolean attribute = random.nextBoolean();
        int at = attribute ? inStartTag(bytes, random) : afterATag(bytes, random);
        String fragment = attribute ? " " + name + "=\"v\" " : "<" + name + ">v</" + name + ">";
        return insert(bytes, at, utf8(fragment), (attribute ? "attribute" : "element") + " name of " + length
                + " characters at " + at);
    }

    /** A run of another seed's markup, from one of its tags, put between two tags of this one. */
    private Edit splice(byte[] bytes, SplittableRandom random) {
        Seed donor = pick(random, seeds);
        byte[] from = donor.bytes();
        int start = afterATag(from, random);
        int end = Math.min(from.length, start + random.nextInt(1 + Math.min(600, from.length)));
        end = Math.max(start, nextTagEnd(from, end));
        int at = afterATag(bytes, random);
        return insert(bytes, at, Arrays.copyOfRange(from, start, end),
                "bytes " + start + ".." + end + " of " + donor.name() + " spliced in at " + at);
    }

    /** The text of a random element replaced by an edge value. */
    private Edit fieldValue(byte[] bytes, SplittableRandom random) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<int[]> texts = new ArrayList<>();
        for (int close = text.indexOf("</"); close >= 0 && texts.size() < 500; close = text.indexOf("</", close + 2)) {
            int open = text.lastIndexOf('>', close);
            if (open >= 0 && text.indexOf('<', open) == close) {
                texts.add(new int[] {open + 1, close});
            }
        }
        if (texts.isEmpty()) {
            return flipBits(bytes, random);
        }
        int[] span = pick(random, texts);
        String value = values.any(random);
        String changed = text.substring(0, span[0]) + escapeText(value) + text.substring(span[1]);
        return new Edit("text at " + span[0] + " replaced by " + quoted(value), utf8(changed));
    }

    /** The default namespace made a prefix, and every element given it (the same document, written otherwise). */
    private static Edit prefixedNamespace(byte[] bytes, SplittableRandom random) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String prefix = pick(random, List.of("p", "xsi", "xs", "P" + "x".repeat(300)));
        String changed = text.replaceFirst("xmlns=\"", "xmlns:" + prefix + "=\"")
                .replaceAll("<(?![?!/])", "<" + prefix + ":").replace("</", "</" + prefix + ":");
        return new Edit("default namespace written as prefix " + prefix.substring(0, Math.min(8, prefix.length())),
                utf8(changed));
    }

    // ------------------------------------------------------------------ positions and bytes

    /** A position just after a '>' (between tags), or 0 when there is none. */
    static int afterATag(byte[] bytes, SplittableRandom random) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '>') {
                positions.add(i + 1);
            }
        }
        return positions.isEmpty() ? 0 : pick(random, positions);
    }

    /** A position inside a start tag, just before its '>' or "/>", or 0 when there is none. */
    static int inStartTag(byte[] bytes, SplittableRandom random) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '<' && Character.isLetter(bytes[i + 1])) {
                int end = i + 1;
                while (end < bytes.length && bytes[end] != '>') {
                    end++;
                }
                if (end < bytes.length) {
                    positions.add(bytes[end - 1] == '/' ? end - 1 : end);
                }
            }
        }
        return positions.isEmpty() ? 0 : pick(random, positions);
    }

    private static int nextTagEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '>') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    private static Edit insert(byte[] bytes, int at, byte[] fragment, String what) {
        int position = Math.min(Math.max(0, at), bytes.length);
        byte[] out = new byte[bytes.length + fragment.length];
        System.arraycopy(bytes, 0, out, 0, position);
        System.arraycopy(fragment, 0, out, position, fragment.length);
        System.arraycopy(bytes, position, out, position + fragment.length, bytes.length - position);
        return new Edit(what, out);
    }

    /** Escapes what would end the text early, so that the edge value itself reaches the field. */
    private static String escapeText(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;");
    }

    static String quoted(String fragment) {
        String shown = HostileInput.preview(utf8(fragment));
        return "'" + (shown.length() <= 80 ? shown : shown.substring(0, 80) + "\u2026") + "'";
    }

    static <E> E pick(SplittableRandom random, List<E> from) {
        return from.get(random.nextInt(from.size()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Values to put in fields: numeric and date-time edges, lengths around every limit the schemas set, odd
     * characters, every code any schema enumerates, and every value the valid examples hold (so a code of one
     * format lands in another's field). Loaded once.
     */
    public static final class FieldValues {

        private static FieldValues loaded;

        static final List<String> NUMBERS = List.of("0", "1", "-1", "+1", "01", "0001", "9999", "10000",
                "2147483647", "2147483648", "-2147483649", "99999999999999999999", " 7 ", "1.0", "1e2", "0x10",
                "\u0661", "NaN", "-0", "");

        static final List<String> DATE_TIMES = List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "9999-12-31T23:59:59.999999999-14:00", "10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "2024-02-29T12:00:00Z", "2026-02-29T12:00:00Z", "2026-04-31T12:00:00Z",
                "2026-01-01T24:00:00Z", "2026-01-01T24:00:00.000Z", "2026-01-01T23:59:60Z",
                "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00.123456789012Z",
                "2026-01-01T00:00:00.1234567890123Z", "2026-01-01T00:00:00+14:00", "2026-01-01T00:00:00-14:00",
                "2026-01-01T00:00:00+14:01", "2026-01-01T00:00:00+23:59", "2026-01-01T00:00:00",
                "2026-01-01", "999999999-12-31T23:59:59Z", "1000000000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-01-01T00:00:00z", "2026-1-1T0:0:0Z", "1970-01-01T00:00:00Z", "2026-06-30T23:59:59.999999999Z",
                "2026-11-25T09:14:00+00:00", "2026-11-25T09:14:00-00:00", " 2026-11-25T09:14:00Z ");

        static final List<String> PARTIES = List.of("europol", "spoc-ie", "nca", "police-scotland", "hmrc",
                "unknown-party", "Europol", "a", "a-", "-a", "a--b", "x".repeat(64), "x".repeat(65));

        static final List<String> ODD_TEXT = List.of("", " ", "\t\n", "\r\n", "a", "O'Brien \"quoted\" <tag> & amp",
                "\u00A0", "\u200B", "\u202Eevil", "e\u0301", "\uD83D\uDE00".repeat(50), "\uFFFD", "\u0085",
                "\u2028", "]]>", "&#0;", "\u0000", "\uFFFE", "\uD800", "-->", "<?pi?>", "&x;", "%p;");

        private static final List<Integer> LENGTHS = List.of(2, 3, 63, 64, 65, 127, 128, 129, 150, 151, 255, 256,
                257, 1_000, 1_001, 2_000, 2_001, 4_000, 4_001, 20_000, 20_001, 100_000);

        private final List<String> codes;
        private final List<String> exampleValues;

        private FieldValues(List<String> codes, List<String> exampleValues) {
            this.codes = codes;
            this.exampleValues = exampleValues;
        }

        /** The values, read from the schemas and examples the first time. */
        public static synchronized FieldValues get() {
            if (loaded == null) {
                loaded = new FieldValues(schemaCodes(), exampleTexts());
            }
            return loaded;
        }

        /** Any value, from any of the pools. */
        public String any(SplittableRandom random) {
            return switch (random.nextInt(8)) {
                case 0 -> pick(random, NUMBERS);
                case 1 -> pick(random, DATE_TIMES);
                case 2 -> pick(random, PARTIES);
                case 3 -> pick(random, ODD_TEXT);
                case 4 -> ofLength(random);
                case 5, 6 -> pick(random, codes);
                default -> pick(random, exampleValues);
            };
        }

        /** A value the schemas could plausibly accept somewhere: a code, an example's value, a date, a party. */
        public String plausible(SplittableRandom random) {
            return switch (random.nextInt(6)) {
                case 0 -> pick(random, DATE_TIMES);
                case 1 -> pick(random, PARTIES);
                case 2, 3 -> pick(random, codes);
                default -> pick(random, exampleValues);
            };
        }

        /**
         * A value of the same kind as the one a field holds (a date-time for a date-time, a number for a number, a
         * code for a code, a party for a party), so that many reach past the schema to the binding and translators.
         */
        public String like(String current, SplittableRandom random) {
            String value = current.trim();
            if (DATE_TIME_SHAPE.matcher(value).matches()) {
                return pick(random, DATE_TIMES);
            }
            if (value.matches("[0-9]{1,9}")) {
                return pick(random, NUMBERS);
            }
            if (codes.contains(value)) {
                return pick(random, codes);
            }
            if (PARTY_SHAPE.matcher(value).matches()) {
                return pick(random, PARTIES);
            }
            return random.nextBoolean() ? ofLength(random) : plausible(random);
        }

        private static final Pattern DATE_TIME_SHAPE = Pattern.compile("-?[0-9]{4,}-.*T.*");
        private static final Pattern PARTY_SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

        private static String ofLength(SplittableRandom random) {
            int length = pick(random, LENGTHS);
            String unit = pick(random, List.of("x", "A", "1", " ", "\u00E9", "\uD83D\uDE00"));
            StringBuilder out = new StringBuilder(length);
            while (out.length() < length) {
                out.append(unit);
            }
            return out.toString();
        }

        private static List<String> schemaCodes() {
            Set<String> codes = new LinkedHashSet<>();
            try (Stream<Path> schemas = Files.list(RunningGateway.projectDirectory().resolve("schemas"))) {
                for (Path schema : schemas.sorted().toList()) {
                    Matcher m = Pattern.compile("<xs:enumeration value=\"([^\"]*)\"")
                            .matcher(Files.readString(schema));
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.copyOf(codes);
        }

        private static List<String> exampleTexts() {
            Set<String> texts = new LinkedHashSet<>();
            Pattern leaf = Pattern.compile(">([^<>]{1,400})</");
            Examples.valid().forEach(example -> {
                Matcher m = leaf.matcher(new String(example.bytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).isBlank()) {
                        texts.add(m.group(1));
                    }
                }
            });
            return List.copyOf(texts);
        }
    }
}
