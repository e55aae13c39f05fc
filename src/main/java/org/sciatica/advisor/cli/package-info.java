/**
 * The command line ({@code java -jar sciatica-advisor-cli.jar}) and its JSON: reading assessments,
 * writing recommendations, the rule catalog. Needs the optional Jackson and picocli dependencies.
 */
@NullMarked
package org.sciatica.advisor.cli;

import org.jspecify.annotations.NullMarked;
