package org.sciatica.advisor;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.sciatica.advisor.testing.ScenarioTable;

/** The clinical scenario tables under src/test/resources/scenarios, one test per row. */
class ScenarioTablesTest {
    /** Line 3 of the safety table: it needs rules that exclude the gentle techniques (the no-gentle-technique fixture). */
    static final String NO_SAFE_TECHNIQUE = """
            name,cause,sensitivity,inflammation,painLevel,symptoms,disposition,urgency,warns,fires
            Line 3: nothing left refers,MUSCLE_TENSION,HIGH,NONE,4,MUSCLE_SPASM,REFER,URGENT,NO_SAFE_TECHNIQUE,NS-06
            Line 3: only a demoted trigger point left refers,HERNIATED_DISC,LOW,NONE,4,MUSCLE_SPASM,REFER,URGENT,NO_SAFE_TECHNIQUE,NS-05;NS-06
            """;

    /**
     * NS-05 when more than one technique is left and none may lead (a clinic's rules excluded
     * Swedish and hot stones and keep vibration from leading): no technique may come first, so all
     * are excluded and the client is referred; with one technique left that may lead, it leads.
     */
    static final String NONE_MAY_LEAD = """
            name,cause,sensitivity,inflammation,painLevel,symptoms,disposition,urgency,warns,fires
            Two left that may not lead (a disc) refers,HERNIATED_DISC,LOW,NONE,4,MUSCLE_SPASM,REFER,URGENT,NO_SAFE_TECHNIQUE,NS-05;NS-06
            Two left that may not lead (severe pain) refers,MUSCLE_TENSION,LOW,NONE,8,MUSCLE_SPASM,REFER,URGENT,NO_SAFE_TECHNIQUE,NS-05;NS-06
            """;

    @TestFactory
    Stream<DynamicTest> noTechniqueThatMayLeadIsLeft() {
        return ScenarioTable.fromText("none-may-lead.csv", NONE_MAY_LEAD).with(TestRules.TwoLeftMayNotLead.ADVISOR).tests();
    }

    @TestFactory
    Stream<DynamicTest> theArticlesAdvice() {
        return ScenarioTable.fromClasspath("/scenarios/article-cases.csv").tests();
    }

    @TestFactory
    Stream<DynamicTest> theSafetyTable() {
        return ScenarioTable.fromClasspath("/scenarios/safety-table.csv").tests();
    }

    @TestFactory
    Stream<DynamicTest> theHazardLogsControls() {
        // One or more cases per hazard of docs/safety/hazard-log.csv, each naming its hazards (HazardLogTest checks them).
        return ScenarioTable.fromClasspath("/scenarios/hazard-cases.csv").tests();
    }

    @TestFactory
    Stream<DynamicTest> theNoSafeTechniqueNet() {
        // Line 3 of the safety table needs rules that exclude the gentle techniques: the test fixture.
        return ScenarioTable.fromText("no-safe-technique.csv", NO_SAFE_TECHNIQUE)
                .with(TestRules.NoGentleTechnique.ADVISOR).tests();
    }
}
