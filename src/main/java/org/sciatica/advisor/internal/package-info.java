/**
 * Not API: the Drools wiring, the facts the rules insert, and the Java that ranks them into a
 * {@link org.sciatica.advisor.Recommendation}. Classes here are public only because the rule
 * files (DRL) must see them; they may change in any release.
 *
 * <p>The facts are deliberately small: a rule says one thing (a support for a technique, an
 * exclusion, a pressure limit, a warning, a focus area, a plan step) and the rule that inserted
 * it is recorded by {@code Evaluation}, so a fact never has to repeat its rule's id.
 */
@NullMarked
package org.sciatica.advisor.internal;

import org.jspecify.annotations.NullMarked;
