/**
 * Not API: the Drools wiring, rule loading, the Java that ranks what the rules said into a
 * {@link org.sciatica.advisor.Recommendation}, and the runtime safety monitor. Only this package
 * imports Drools ({@code org.kie}); classes here are public only where the facade needs them and
 * may change in any release. The facts the rules insert are public, in
 * {@link org.sciatica.advisor.facts}.
 */
@NullMarked
package org.sciatica.advisor.internal;

import org.jspecify.annotations.NullMarked;
