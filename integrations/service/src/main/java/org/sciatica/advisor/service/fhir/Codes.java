package org.sciatica.advisor.service.fhir;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;

import org.sciatica.advisor.Condition;
import org.sciatica.advisor.RedFlag;

/**
 * The codes the record is read by: one table, which docs/FHIR-MAPPING.md restates row by row. ICD-10 codes
 * (WHO and ICD-10-CM systems) match by prefix, so a category includes its subcodes; SNOMED CT codes match
 * exactly (no subsumption: the service has no terminology server).
 */
final class Codes {
    interface Matcher {
        boolean matches(Coding coding);
    }

    static final Map<RedFlag, Matcher> RED_FLAGS = new EnumMap<>(RedFlag.class);
    static final Map<Condition, Matcher> CONDITIONS = new EnumMap<>(Condition.class);
    /** Causes, most cautious first (a nerve compression before a muscle). */
    static final Map<String, Matcher> CAUSES = new LinkedHashMap<>();

    static {
        RED_FLAGS.put(RedFlag.HISTORY_OF_CANCER, any(icd("C", "Z85"), snomed("363346000")));
        RED_FLAGS.put(RedFlag.IMMUNOSUPPRESSION, any(icd("D84", "B20", "B21", "B22", "B23", "B24"), snomed("86406008", "234532001")));
        RED_FLAGS.put(RedFlag.FEVER, any(icd("R50"), snomed("386661006")));
        RED_FLAGS.put(RedFlag.UNEXPLAINED_WEIGHT_LOSS, any(icd("R63.4"), snomed("448765001")));
        RED_FLAGS.put(RedFlag.FOOT_DROP, any(icd("M21.37"), snomed("6077001")));

        CONDITIONS.put(Condition.DEEP_VEIN_THROMBOSIS, any(icd("I80.1", "I80.2", "I82.4"), snomed("128053003")));
        CONDITIONS.put(Condition.ANTICOAGULANT_THERAPY, icd("Z79.01"));
        CONDITIONS.put(Condition.BLEEDING_DISORDER, any(icd("D66", "D67", "D68"), snomed("64779008")));
        CONDITIONS.put(Condition.PERIPHERAL_NEUROPATHY, any(icd("G60", "G61", "G62", "G63", "G64"), snomed("302226006")));
        CONDITIONS.put(Condition.DIABETES, any(icd("E08", "E09", "E10", "E11", "E13", "E14"), snomed("73211009", "44054006", "46635009")));
        CONDITIONS.put(Condition.PREGNANCY, any(icd("Z33"), snomed("77386006")));
        CONDITIONS.put(Condition.OSTEOPOROSIS, any(icd("M80", "M81"), snomed("64859006")));
        CONDITIONS.put(Condition.SKIN_CONDITION, icd("L"));
        CONDITIONS.put(Condition.VARICOSE_VEINS, icd("I83"));
        CONDITIONS.put(Condition.LONG_TERM_CORTICOSTEROIDS, icd("Z79.52"));

        CAUSES.put("SPINAL_STENOSIS", any(icd("M48.0"), snomed("76107001", "18347007")));
        CAUSES.put("HERNIATED_DISC", icd("M51.1", "M51.2", "M50.1"));
        CAUSES.put("OTHER_SPINAL", icd("M43.1", "M47.2"));
    }

    private Codes() {
    }

    static Matcher icd(String... prefixes) {
        List<String> normal = java.util.Arrays.stream(prefixes).map(Codes::normal).toList();
        return coding -> (FhirMapping.ICD10.equals(coding.getSystem()) || FhirMapping.ICD10CM.equals(coding.getSystem()))
                && coding.getCode() != null && normal.stream().anyMatch(normal(coding.getCode())::startsWith);
    }

    static Matcher snomed(String... codes) {
        Set<String> set = Set.of(codes);
        return coding -> FhirMapping.SNOMED.equals(coding.getSystem()) && set.contains(coding.getCode());
    }

    static Matcher any(Matcher... matchers) {
        return coding -> java.util.Arrays.stream(matchers).anyMatch(m -> m.matches(coding));
    }

    private static String normal(String code) {
        return code.replace(".", "").trim().toUpperCase(Locale.ROOT);
    }

    static String mostCautious(Set<String> causes) {
        return CAUSES.keySet().stream().filter(causes::contains).findFirst().orElseThrow();
    }

    /**
     * A recent operation counts as spinal when its code or body site says so in words (spine, spinal,
     * vertebra, lumbar, disc, lamin-): spinal procedure value sets run to thousands of codes, and a missed
     * spinal operation would lose the caution RECENT_SPINAL_SURGERY adds, so the words are read.
     */
    static boolean isSpinal(Procedure p) {
        StringBuilder text = new StringBuilder();
        words(p.getCode(), text);
        p.getBodySite().forEach(site -> words(site, text));
        String all = text.toString().toLowerCase(Locale.ROOT);
        return all.contains("spin") || all.contains("vertebr") || all.contains("lumbar") || all.contains("disc")
                || all.contains("lamin") || all.contains("spondyl");
    }

    private static void words(CodeableConcept concept, StringBuilder text) {
        text.append(' ').append(concept.getText() == null ? "" : concept.getText());
        concept.getCoding().forEach(c -> text.append(' ').append(c.getDisplay() == null ? "" : c.getDisplay()));
    }
}
