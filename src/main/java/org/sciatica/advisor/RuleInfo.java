package org.sciatica.advisor;

import java.util.Objects;

/**
 * One rule of the loaded rule base, from its metadata.
 *
 * @param id     the rule's {@code @id}, unique in the rule base (for example {@code CI-04})
 * @param name   the rule's name, a sentence saying what it decides
 * @param file   the file it was loaded from ({@code rules/20-contraindications.drl} for bundled rules)
 * @param source the {@code @source} the rule rests on: the article or a published guideline
 */
public record RuleInfo(String id, String name, String file, String source) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
    }
}
