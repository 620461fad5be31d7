package uk.xborder.gateway.xml;

/**
 * The longest string an XML Schema regular expression can match, so that a field whose pattern is bounded (a
 * timestamp, a code) has a length limit even though its type has no length facet. An expression this reader does
 * not follow counts as unbounded, which never refuses anything.
 */
final class PatternLengths {

    /** No limit: an unbounded repetition, or an expression this reader does not follow. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String regex;
    private int position;

    private PatternLengths(String regex) {
        this.regex = regex;
    }

    /** The most characters a string matching the whole expression can have, or {@link #UNBOUNDED}. */
    static int longest(String regex) {
        try {
            PatternLengths reader = new PatternLengths(regex);
            long longest = reader.branches();
            return reader.position == regex.length() ? clamp(longest) : UNBOUNDED;
        } catch (IllegalArgumentException | IndexOutOfBoundsException notFollowed) {
            return UNBOUNDED;
        }
    }

    /** branch ( '|' branch )* */
    private long branches() {
        long longest = branch();
        while (more() && peek() == '|') {
            position++;
            longest = Math.max(longest, branch());
        }
        return longest;
    }

    /** piece* */
    private long branch() {
        long total = 0;
        while (more() && peek() != '|' && peek() != ')') {
            total = add(total, piece());
        }
        return total;
    }

    /** atom quantifier? */
    private long piece() {
        long atom = atom();
        if (!more()) {
            return atom;
        }
        char next = peek();
        if (next == '?') {
            position++;
            return atom;
        }
        if (next == '*' || next == '+') {
            position++;
            return atom == 0 ? 0 : UNBOUNDED;
        }
        if (next == '{') {
            position++;
            int close = regex.indexOf('}', position);
            String[] bounds = regex.substring(position, close).split(",", -1);
            position = close + 1;
            if (bounds.length == 1) {
                return multiply(atom, Long.parseLong(bounds[0]));
            }
            return bounds[1].isEmpty() ? (atom == 0 ? 0 : UNBOUNDED) : multiply(atom, Long.parseLong(bounds[1]));
        }
        return atom;
    }

    private long atom() {
        char c = regex.charAt(position++);
        switch (c) {
            case '(' -> {
                long inner = branches();
                expect(')');
                return inner;
            }
            case '[' -> {
                characterClass();
                return 1;
            }
            case '\\' -> {
                escape();
                return 1;
            }
            case '*', '+', '?', '{', ')', '|' -> throw new IllegalArgumentException("unexpected " + c);
            default -> {
                if (Character.isHighSurrogate(c) && more()) {
                    position++;
                }
                return 1;
            }
        }
    }

    /** Skips a character class, nested subtractions included: it matches one character. */
    private void characterClass() {
        int depth = 1;
        while (depth > 0) {
            char c = regex.charAt(position++);
            if (c == '\\') {
                escape();
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
    }

    /** Skips the rest of an escape: one character, or a category such as \p{Lu}. */
    private void escape() {
        char c = regex.charAt(position++);
        if (c == 'p' || c == 'P') {
            expect('{');
            position = regex.indexOf('}', position) + 1;
            if (position == 0) {
                throw new IllegalArgumentException("unclosed category");
            }
        }
    }

    private void expect(char c) {
        if (regex.charAt(position++) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
    }

    private boolean more() {
        return position < regex.length();
    }

    private char peek() {
        return regex.charAt(position);
    }

    private static long add(long a, long b) {
        return a >= UNBOUNDED || b >= UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, a + b);
    }

    private static long multiply(long atom, long times) {
        if (atom == 0 || times == 0) {
            return 0;
        }
        return atom >= UNBOUNDED || times >= UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, atom * times);
    }

    private static int clamp(long length) {
        return length >= UNBOUNDED ? UNBOUNDED : (int) length;
    }
}
