/**
 * The command line ({@code java -jar sciatica-advisor-cli.jar}, picocli): single answers, batches,
 * the rule catalog, the decision matrix, the clinical basis and rule change impact. Its JSON is
 * {@link org.sciatica.advisor.json}'s. Needs the optional picocli and Jackson dependencies.
 */
@NullMarked
package org.sciatica.advisor.cli;

import org.jspecify.annotations.NullMarked;
