package org.sciatica.advisor;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Rule directories the tests add to the bundled rules. */
final class TestRules {
    private TestRules() {
    }

    /** A test resource directory as a path. */
    static Path directory(String name) {
        try {
            return Path.of(TestRules.class.getResource("/rules/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test rule directory missing: " + name, e);
        }
    }

    /** Bundled rules plus a fixture that excludes Swedish, vibration and hot stones for MUSCLE_SPASM. */
    static final class NoGentleTechnique {
        static final SciaticaAdvisor ADVISOR = SciaticaAdvisor.builder()
                .addRuleDirectory(directory("no-gentle-technique")).build();
    }

    /**
     * Bundled rules plus a fixture that, for MUSCLE_SPASM, excludes Swedish and hot stones and
     * keeps vibration from leading: two techniques can be left that may not lead.
     */
    static final class TwoLeftMayNotLead {
        static final SciaticaAdvisor ADVISOR = SciaticaAdvisor.builder()
                .addRuleDirectory(directory("two-left-may-not-lead")).build();
    }
}
