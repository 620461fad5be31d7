package uk.xborder.gateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.testsupport.RefusalProperty.Summary;

/** The property harness itself: reproducible cases, and failures reported so that a person can act on them. */
class RefusalPropertyTest {

    /** A kilobyte or two of random letters, with an X somewhere in about one case in ten. */
    private static final Function<SplittableRandom, HostileInput> LETTERS = random -> {
        byte[] bytes = new byte[1_000 + random.nextInt(1_000)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(26));
        }
        if (random.nextInt(10) == 0) {
            bytes[random.nextInt(bytes.length)] = 'X';
        }
        return new HostileInput("letters", bytes);
    };

    /** These tests set their own seeds and counts; a run that overrides them for every property is not theirs. */
    @BeforeEach
    void noOverrides() {
        for (String setting : List.of(RefusalProperty.SEED_PROPERTY, RefusalProperty.CASES_PROPERTY,
                RefusalProperty.CASE_PROPERTY)) {
            assumeTrue(System.getProperty(setting) == null, "-D" + setting + " is set for this run");
        }
    }

    @Test
    void theSameSeedMakesTheSameCasesAndAnotherSeedOthers() {
        List<HostileInput> first = inputs(7L);
        List<HostileInput> again = inputs(7L);
        List<HostileInput> other = inputs(8L);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void oneCaseRunAloneIsTheSameInputAsInTheWholeRun() {
        List<HostileInput> all = inputs(7L);
        List<HostileInput> alone = new ArrayList<>();
        System.setProperty(RefusalProperty.CASE_PROPERTY, "37");
        try {
            RefusalProperty.forAll("one case", LETTERS).seed(7L).cases(50).check(alone::add);
        } finally {
            System.clearProperty(RefusalProperty.CASE_PROPERTY);
        }

        assertThat(alone).containsExactly(all.get(37));
    }

    @Test
    void aFailureNamesSeedCaseAndAShrunkInputButNeverTheWholeInput() {
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> RefusalProperty.forAll("no X", LETTERS).seed(11L).cases(200).shrinkingBy(HostileInput::smaller)
                        .check(input -> {
                            if (new String(input.bytes()).contains("X")) {
                                throw new NullPointerException("found X");
                            }
                        }));

        assertThat(failure).isNotNull();
        String report = failure.getMessage();
        assertThat(report).contains("Property \"no X\" failed 1 distinct way(s) in 200 cases from seed 0xB")
                .contains("java.lang.NullPointerException: found X")
                .containsPattern("first case \\d+: repeat with -Dgateway.property.seed=0xB -Dgateway.property.case=\\d+")
                .contains("shrunk, failing the same way: letters; 1 bytes: X");
        assertThat(report.length()).isLessThan(4_000);
    }

    @Test
    void aRefusalWithACodeTheStepMayNotGiveIsAFailure() {
        RefusalProperty<HostileInput> property = RefusalProperty.forAll("refuses", LETTERS).cases(20);
        RefusalProperty.Step<HostileInput> refuse = input -> {
            throw new MessageRejectedException(ReasonCode.SCHEMA_INVALID, "The message is not valid.");
        };

        Summary allowed = property.check(refuse, ReasonCode.MALFORMED_XML, ReasonCode.SCHEMA_INVALID);
        AssertionFailedError notAllowed = catchThrowableOfType(AssertionFailedError.class,
                () -> property.check(refuse, ReasonCode.MALFORMED_XML));

        assertThat(allowed.refused(ReasonCode.SCHEMA_INVALID)).isEqualTo(20);
        assertThat(allowed.accepted()).isZero();
        assertThat(notAllowed.getMessage()).contains("refused with SCHEMA_INVALID, which this step may not give");
    }

    @Test
    void aRefusalWithoutAnExplanationIsAFailure() {
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> RefusalProperty.forAll("explains", LETTERS).cases(5).check(input -> {
                    throw new MessageRejectedException(ReasonCode.MALFORMED_XML, " ");
                }, ReasonCode.MALFORMED_XML));

        assertThat(failure.getMessage()).contains("refused MALFORMED_XML without an explanation");
    }

    @Test
    void anErrorIsAFailureLikeAnyOtherException() {
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> RefusalProperty.forAll("no recursion", LETTERS).cases(3).check(input -> recurse(0)));

        assertThat(failure.getMessage()).contains("threw java.lang.StackOverflowError").contains("3 case(s)");
    }

    @Test
    void aCaseThatRunsPastTheBoundFailsAtOnceAndStopsTheProperty() {
        List<HostileInput> started = new ArrayList<>();

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> RefusalProperty.forAll("ends", LETTERS).cases(100).eachWithin(Duration.ofMillis(200))
                        .check(input -> {
                            synchronized (started) {
                                started.add(input);
                            }
                            new CountDownLatch(1).await(); // a case that never ends on its own
                        }));

        assertThat(failure.getMessage()).contains("ran past the bound of 200 ms");
        assertThat(started).hasSize(1);
    }

    private static List<HostileInput> inputs(long seed) {
        List<HostileInput> seen = new ArrayList<>();
        RefusalProperty.forAll("records", LETTERS).seed(seed).cases(50).check(seen::add);
        return seen;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
