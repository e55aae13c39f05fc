package org.sciatica.advisor;

import java.util.List;
import java.util.Objects;

/**
 * One rule of the loaded rule base, from its metadata.
 *
 * @param id     the rule's {@code @id}, unique in the rule base (for example {@code CI-04})
 * @param name   the rule's name, a sentence saying what it decides
 * @param file   the file it was loaded from ({@code rules/20-contraindications.drl} for bundled rules)
 * @param source  the registry entry the rule's {@code @source} names: published guidance or
 *                literature with its URL, or a product policy with its rationale
 * @param effects what the rule does, read from its actions: "excludes DEEP_TISSUE", "warns
 *                SEVERE_PAIN_CONSULT", "supports SWEDISH (weight 3)", ...
 */
public record RuleInfo(String id, String name, String file, Source source, List<String> effects) {
    /**
     * Checks and copies the values.
     *
     * @param id the id
     * @param name the name
     * @param file the file
     * @param source the source
     * @param effects the effects
     */
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        effects = List.copyOf(effects);
    }

    /**
     * The id of the source the rule rests on, as written in its {@code @source}.
     *
     * @return the source id
     */
    public String sourceId() {
        return source.id();
    }

    /**
     * The layer the rule belongs to, from its file name: {@code rules/20-contraindications.drl}
     * is layer "contraindications".
     * @return the layer text
     */
    public String layer() {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1)
                .replaceFirst("\\.drl$", "").replaceFirst("^\\d+-", "");
        return base.replace('-', ' ');
    }
}
