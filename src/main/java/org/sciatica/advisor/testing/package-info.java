/**
 * The clinician test kit: fluent assertions that read as clinical cases and fail with a clinical
 * explanation. Needs AssertJ on the test class path (an optional dependency of this library).
 */
@NullMarked
package org.sciatica.advisor.testing;

import org.jspecify.annotations.NullMarked;
