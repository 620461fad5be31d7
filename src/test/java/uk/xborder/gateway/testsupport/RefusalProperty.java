package uk.xborder.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.opentest4j.AssertionFailedError;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * A property over generated inputs: a step of the gateway, given any input, either accepts it or refuses it with
 * one of the reason codes that step may give, with an explanation a person can read; never another exception, an
 * {@link Error}, or a run past a bound. Plain JUnit 5: the cases are generated here from one seed, each run under
 * {@link org.junit.jupiter.api.Assertions#assertTimeoutPreemptively}.
 *
 * <p>Reproducible: every case draws from its own {@link SplittableRandom}, seeded from the property's seed and the
 * case's index only, so case 1234 is the same input whether it runs alone or after the others. The seed is fixed
 * (the same run every build) and printed; system properties override it:
 * <ul>
 *   <li>{@value #SEED_PROPERTY}: another seed (decimal or 0x hex), to explore further or repeat a reported run;
 *   <li>{@value #CASES_PROPERTY}: how many cases (a long local run);
 *   <li>{@value #CASE_PROPERTY}: run that one case index only, to debug a reported failure.
 * </ul>
 *
 * <p>All cases run, and each distinct failure (the kind of outcome, the exception's class and the gateway's frame
 * it came from) is reported once, with how often it happened, its seed and case index, and its input shrunk while
 * it fails the same way (never the whole input: a short recipe and a preview of both ends). A run past the bound
 * stops the property at once, since the runaway case may still hold a core.
 *
 * @param <T> the input
 */
public final class RefusalProperty<T> {

    public static final String SEED_PROPERTY = "gateway.property.seed";
    public static final String CASES_PROPERTY = "gateway.property.cases";
    public static final String CASE_PROPERTY = "gateway.property.case";

    /** The seed every property uses unless told otherwise. */
    public static final long DEFAULT_SEED = 0x5EED_0F_C0FFEEL;

    /** An explanation longer than this is no sentence a sender can read: it quotes something. */
    static final int MAX_EXPLANATION_LENGTH = 4_000;

    private static final int MAX_REPORTED_FAILURES = 5;
    private static final int SHRINK_BUDGET = 400;

    /** A step of the gateway under test. */
    @FunctionalInterface
    public interface Step<T> {
        void run(T input) throws Exception;
    }

    private final String name;
    private final Function<SplittableRandom, T> generator;
    private long seed = DEFAULT_SEED;
    private int cases = 1_000;
    private Duration bound = Duration.ofSeconds(10);
    private Function<T, Stream<T>> shrinker = input -> Stream.empty();

    private RefusalProperty(String name, Function<SplittableRandom, T> generator) {
        this.name = Objects.requireNonNull(name, "name");
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /** A property named for what it claims, over inputs the generator makes from a case's own random source. */
    public static <T> RefusalProperty<T> forAll(String name, Function<SplittableRandom, T> generator) {
        return new RefusalProperty<>(name, generator);
    }

    /** How many cases (unless {@value #CASES_PROPERTY} says otherwise). */
    public RefusalProperty<T> cases(int count) {
        this.cases = count;
        return this;
    }

    /** This property's own seed (unless {@value #SEED_PROPERTY} says otherwise). */
    public RefusalProperty<T> seed(long value) {
        this.seed = value;
        return this;
    }

    /** The most one case may take; generous, so a slow build machine does not fail it, but a hang does. */
    public RefusalProperty<T> eachWithin(Duration perCase) {
        this.bound = perCase;
        return this;
    }

    /** Smaller inputs to try, in order, when one fails (for byte inputs, {@link HostileInput#smaller()}). */
    public RefusalProperty<T> shrinkingBy(Function<T, Stream<T>> smaller) {
        this.shrinker = smaller;
        return this;
    }

    /**
     * Runs every case through the step.
     *
     * @param refusals the reason codes this step may refuse with; any other is a failure
     * @return how the cases ended, for the test to check the generator reached what it meant to
     * @throws AssertionFailedError naming each distinct failure, with seed, case index and shrunk input
     */
    public Summary check(Step<T> step, ReasonCode... refusals) {
        Set<ReasonCode> allowed = refusals.length == 0 ? EnumSet.noneOf(ReasonCode.class)
                : EnumSet.of(refusals[0], refusals);
        long runSeed = seedFrom(System.getProperty(SEED_PROPERTY), seed);
        int runCases = Integer.getInteger(CASES_PROPERTY, cases);
        String only = System.getProperty(CASE_PROPERTY);
        System.out.printf("[property] %s: %d cases from seed 0x%X (repeat with -D%s=0x%X, one case with -D%s=N)%n",
                name, runCases, runSeed, SEED_PROPERTY, runSeed, CASE_PROPERTY);

        Summary summary = new Summary();
        Map<String, Failure<T>> failures = new LinkedHashMap<>();
        int first = only == null ? 0 : Integer.parseInt(only.trim());
        int last = only == null ? runCases : first + 1;
        for (int index = first; index < last; index++) {
            int caseIndex = index;
            T input = generator.apply(new SplittableRandom(caseSeed(runSeed, caseIndex)));
            Outcome outcome = run(step, input, allowed);
            summary.count(outcome);
            if (outcome.failed()) {
                failures.computeIfAbsent(outcome.signature(), s -> new Failure<>(caseIndex, input, outcome)).times++;
                if (outcome.timedOut()) {
                    break;
                }
            }
        }
        System.out.printf("[property] %s: %s%n", name, summary);
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(report(runSeed, runCases, failures, step, allowed),
                    failures.values().iterator().next().outcome.thrown);
        }
        return summary;
    }

    /** The seed given (decimal, or hex after 0x, all 64 bits), or the property's own. */
    static long seedFrom(String given, long otherwise) {
        if (given == null || given.isBlank()) {
            return otherwise;
        }
        String text = given.trim();
        return text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
                : Long.parseLong(text);
    }

    /** The seed of one case: the run's seed and the index mixed (SplitMix64's finaliser), nothing else. */
    static long caseSeed(long runSeed, int index) {
        long z = runSeed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private Outcome run(Step<T> step, T input, Set<ReasonCode> allowed) {
        try {
            return assertTimeoutPreemptively(bound, () -> outcome(step, input, allowed));
        } catch (AssertionFailedError timedOut) {
            // outcome() never throws, so the only failure assertTimeoutPreemptively can raise is its bound.
            return Outcome.timeout(bound);
        }
    }

    private static <T> Outcome outcome(Step<T> step, T input, Set<ReasonCode> allowed) {
        try {
            step.run(input);
            return Outcome.ACCEPTED;
        } catch (MessageRejectedException refusal) {
            return Outcome.refused(refusal, allowed);
        } catch (Throwable anythingElse) { // Errors too: a StackOverflowError is a crash of the gateway's step
            return Outcome.broken(anythingElse);
        }
    }

    private String report(long runSeed, int runCases, Map<String, Failure<T>> failures, Step<T> step,
                          Set<ReasonCode> allowed) {
        StringBuilder out = new StringBuilder();
        out.append("Property \"").append(name).append("\" failed ").append(failures.size())
                .append(" distinct way(s) in ").append(runCases).append(" cases from seed ")
                .append(String.format("0x%X", runSeed)).append(" (refusals allowed: ").append(allowed).append(")\n");
        int reported = 0;
        for (Failure<T> failure : failures.values()) {
            if (reported++ == MAX_REPORTED_FAILURES) {
                out.append("... and ").append(failures.size() - MAX_REPORTED_FAILURES).append(" more\n");
                break;
            }
            T shrunk = failure.outcome.timedOut() ? failure.input : shrink(failure, step, allowed);
            out.append("\n").append(reported).append(". ").append(failure.outcome.describe())
                    .append("\n   ").append(failure.times).append(" case(s), first case ").append(failure.index)
                    .append(": repeat with -D").append(SEED_PROPERTY).append(String.format("=0x%X", runSeed))
                    .append(" -D").append(CASE_PROPERTY).append('=').append(failure.index)
                    .append("\n   input: ").append(shorten(String.valueOf(failure.input)));
            if (shrunk != failure.input) {
                out.append("\n   shrunk, failing the same way: ").append(shorten(String.valueOf(shrunk)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Greedy: the first smaller candidate that still fails the same way replaces the input, within a budget. */
    private T shrink(Failure<T> failure, Step<T> step, Set<ReasonCode> allowed) {
        T current = failure.input;
        int tries = 0;
        boolean smaller = true;
        while (smaller && tries < SHRINK_BUDGET) {
            smaller = false;
            Iterator<T> candidates = shrinker.apply(current).iterator();
            while (candidates.hasNext() && tries < SHRINK_BUDGET) {
                T candidate = candidates.next();
                tries++;
                Outcome outcome = run(step, candidate, allowed);
                if (outcome.failed() && outcome.signature().equals(failure.outcome.signature())) {
                    current = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return current;
    }

    private static String shorten(String text) {
        return text.length() <= 1_000 ? text : text.substring(0, 1_000) + "\u2026";
    }

    private static final class Failure<T> {
        final int index;
        final T input;
        final Outcome outcome;
        int times;

        Failure(int index, T input, Outcome outcome) {
            this.index = index;
            this.input = input;
            this.outcome = outcome;
        }
    }

    /** How one case ended. A refusal keeps its code; a failure keeps what was thrown and where. */
    record Outcome(String label, boolean failed, boolean timedOut, String signature, String detail, Throwable thrown) {

        static final Outcome ACCEPTED = new Outcome("accepted", false, false, "accepted", "", null);

        static Outcome refused(MessageRejectedException refusal, Set<ReasonCode> allowed) {
            String explanation = refusal.explanation();
            if (!allowed.contains(refusal.reason())) {
                return failure("refused with " + refusal.reason() + ", which this step may not give",
                        "refused " + refusal.reason() + " " + origin(refusal), refusal);
            }
            if (explanation == null || explanation.isBlank()) {
                return failure("refused " + refusal.reason() + " without an explanation",
                        "unexplained " + refusal.reason() + " " + origin(refusal), refusal);
            }
            if (explanation.length() > MAX_EXPLANATION_LENGTH) {
                return failure("refused " + refusal.reason() + " with an explanation of " + explanation.length()
                        + " characters", "long explanation " + refusal.reason() + " " + origin(refusal), refusal);
            }
            return new Outcome(refusal.reason().name(), false, false, refusal.reason().name(), "", null);
        }

        static Outcome broken(Throwable thrown) {
            return failure("threw " + thrown.getClass().getName() + ": " + firstLine(thrown.getMessage())
                    + " " + origin(thrown), thrown.getClass().getName() + " " + origin(thrown), thrown);
        }

        static Outcome timeout(Duration bound) {
            return new Outcome("timed out", true, true, "timeout",
                    "ran past the bound of " + bound.toMillis() + " ms (a hang, or cost out of all proportion)", null);
        }

        private static Outcome failure(String detail, String signature, Throwable thrown) {
            return new Outcome("failed", true, false, signature, detail, thrown);
        }

        String describe() {
            return detail;
        }

        /** The gateway's own frame nearest the throw (or the top frame): tells one defect from another. */
        private static String origin(Throwable thrown) {
            StackTraceElement[] trace = thrown.getStackTrace();
            for (StackTraceElement frame : trace) {
                if (frame.getClassName().startsWith("uk.xborder.gateway.")
                        && !frame.getClassName().startsWith(RefusalProperty.class.getName())) {
                    return "at " + frame;
                }
            }
            return trace.length == 0 ? "" : "at " + trace[0];
        }

        private static String firstLine(String message) {
            if (message == null) {
                return "(no message)";
            }
            String line = message.lines().findFirst().orElse("");
            return line.length() <= 200 ? line : line.substring(0, 200) + "\u2026";
        }
    }

    /** How many cases ended each way: accepted, or refused with each code. */
    public static final class Summary {
        private final Map<String, Integer> counts = new TreeMap<>();

        void count(Outcome outcome) {
            counts.merge(outcome.label(), 1, Integer::sum);
        }

        public int accepted() {
            return counts.getOrDefault(Outcome.ACCEPTED.label(), 0);
        }

        public int refused(ReasonCode reason) {
            return counts.getOrDefault(reason.name(), 0);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The reason codes the cases were refused with. */
        public List<ReasonCode> refusals() {
            List<ReasonCode> seen = new ArrayList<>();
            for (ReasonCode reason : ReasonCode.values()) {
                if (refused(reason) > 0) {
                    seen.add(reason);
                }
            }
            return seen;
        }

        @Override
        public String toString() {
            return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }
}
