/**
 * The public API of Sciatica Advisor: {@link org.sciatica.advisor.Assessment} in,
 * {@link org.sciatica.advisor.Recommendation} out, through {@link org.sciatica.advisor.SciaticaAdvisor},
 * with the enums that name every clinical value. Everything is non-null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package org.sciatica.advisor;

import org.jspecify.annotations.NullMarked;
