/**
 * The JSON of docs/SPEC.md and CDS Hooks, for applications that exchange assessments and
 * recommendations as JSON: {@link org.sciatica.advisor.json.AssessmentJson} reads an assessment
 * strictly, {@link org.sciatica.advisor.json.RecommendationJson} writes a recommendation (indented,
 * or one line for JSON lines) and the rule catalog, and {@link org.sciatica.advisor.json.CdsHooks}
 * writes a recommendation as a CDS Hooks 2.0 response. The command line uses exactly these.
 *
 * <p>Needs Jackson ({@code com.fasterxml.jackson.core:jackson-databind}) on the class path: an
 * optional dependency of this library, so an application that uses this package declares it.
 * The same recommendation always gives the same bytes.
 */
@NullMarked
package org.sciatica.advisor.json;

import org.jspecify.annotations.NullMarked;
