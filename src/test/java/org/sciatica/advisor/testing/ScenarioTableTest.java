package org.sciatica.advisor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** Scenario tables: a malformed row fails with its row number and column, never a parser stack trace. */
class ScenarioTableTest {

    private static List<DynamicTest> tests(String csv) {
        return ScenarioTable.fromText("cases.csv", csv).tests().toList();
    }

    private static Throwable failureOf(DynamicTest test) {
        return catchThrowable(() -> test.getExecutable().execute());
    }

    @Test
    void eachRowIsATestNamedByItsName() {
        List<DynamicTest> tests = tests("""
                # a comment
                name,cause,sensitivity,inflammation,painLevel,first
                "Piriformis, moderate",PIRIFORMIS_SYNDROME,MODERATE,NONE,5,TRIGGER_POINT

                Disc,HERNIATED_DISC,low,none,5,
                """);
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("Piriformis, moderate", "Disc");
        assertThat(failureOf(tests.get(0))).isNull();
        assertThat(failureOf(tests.get(1))).isNull();
    }

    @Test
    void aBadValueNamesTheRowTheColumnAndTheAllowedValues() {
        List<DynamicTest> tests = tests("""
                name,cause,sensitivity,inflammation,painLevel
                ok,MUSCLE_TENSION,LOW,NONE,3
                bad cause,DISC,LOW,NONE,3
                bad pain,MUSCLE_TENSION,LOW,NONE,eleven
                pain out of range,MUSCLE_TENSION,LOW,NONE,11
                """);
        assertThat(failureOf(tests.get(0))).isNull();
        assertThat(failureOf(tests.get(1))).isInstanceOf(AssertionError.class).hasMessage(
                "cases.csv row 3, column cause: \"DISC\" is not one of MUSCLE_TENSION, PIRIFORMIS_SYNDROME, "
                        + "GLUTEUS_MINIMUS_REFERRAL, HERNIATED_DISC, SPINAL_STENOSIS, OTHER_SPINAL, UNKNOWN");
        assertThat(failureOf(tests.get(2))).hasMessage("cases.csv row 4, column painLevel: \"eleven\" is not a whole number from 0 to 10");
        assertThat(failureOf(tests.get(3))).hasMessage("cases.csv row 5, column painLevel: painLevel must be a whole number from 0 to 10, was 11");
    }

    @Test
    void aFailingExpectationExplainsTheCaseWithItsRow() {
        List<DynamicTest> tests = tests("""
                name,cause,sensitivity,inflammation,painLevel,first,excludes
                wrong first,HERNIATED_DISC,HIGH,ACUTE,6,VIBRATION,
                """);
        Throwable failure = failureOf(tests.get(0));
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("cases.csv row 2: Expected VIBRATION first, but the rules ranked SWEDISH first.\n"
                        + "  assessment: HERNIATED_DISC, sensitivity HIGH, inflammation ACUTE, pain 6");
        assertThat(failure.getStackTrace()).isEmpty();
    }

    @Test
    void anUnknownOrMissingColumnFailsTheTable() {
        assertThat(failureOf(tests("name,cause,sensitivity,inflamation,painLevel\nx,UNKNOWN,LOW,NONE,3\n").get(0)))
                .hasMessageStartingWith("cases.csv row 1, column 4: unknown column \"inflamation\"; known columns: name, cause");
        assertThat(failureOf(tests("name,cause,sensitivity,painLevel\nx,UNKNOWN,LOW,3\n").get(0)))
                .hasMessage("cases.csv row 1: the header has no \"inflammation\" column");
        assertThat(failureOf(tests("").get(0))).hasMessage("cases.csv has no header row and no cases");
    }

    @Test
    void tooManyCellsAndAnUnclosedQuoteAreReported() {
        assertThat(failureOf(tests("name,cause,sensitivity,inflammation,painLevel\nx,UNKNOWN,LOW,NONE,3,extra\n").get(0)))
                .hasMessage("cases.csv row 2: has 6 cells but the header has 5 columns");
        assertThat(failureOf(tests("name,cause,sensitivity,inflammation,painLevel\n\"x,UNKNOWN,LOW,NONE,3\n").get(0)))
                .hasMessage("cases.csv line 2: a quoted cell is never closed");
    }
}
