package org.sciatica.advisor.cli;

import org.sciatica.advisor.Assessment;

/** Lets tests in other packages read JSON the way the command line does. */
public final class AssessmentJsonAccess {
    private AssessmentJsonAccess() {
    }

    public static Assessment parse(String json) {
        return AssessmentJson.parse(json);
    }
}
