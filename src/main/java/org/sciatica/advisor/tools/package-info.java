/**
 * Build tools for a clinic's rule project: {@link org.sciatica.advisor.tools.PrecompileRules}
 * precompiles a rule directory in the clinic's build. Not needed at run time.
 */
@NullMarked
package org.sciatica.advisor.tools;

import org.jspecify.annotations.NullMarked;
