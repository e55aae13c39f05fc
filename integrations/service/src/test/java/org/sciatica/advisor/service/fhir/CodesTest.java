package org.sciatica.advisor.service.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which coded diagnoses of the record are read as a cause of sciatica, one row per coding. */
class CodesTest {
    @ParameterizedTest(name = "{0} {1} is read as {2}")
    @CsvSource({
            // Spinal stenosis in any region is ICD-10 M48.0; SNOMED has the general concept and the lumbar one.
            "http://snomed.info/sct,        76107001, SPINAL_STENOSIS",
            "http://snomed.info/sct,        18347007, SPINAL_STENOSIS",
            "http://hl7.org/fhir/sid/icd-10, M48.06,  SPINAL_STENOSIS",
            "http://hl7.org/fhir/sid/icd-10, M51.1,   HERNIATED_DISC",
            "http://hl7.org/fhir/sid/icd-10, M47.2,   OTHER_SPINAL",
    })
    void aCodedDiagnosisIsReadAsItsCause(String system, String code, String cause) {
        Coding coding = new Coding(system, code, null);
        assertThat(Codes.CAUSES.entrySet()).filteredOn(e -> e.getValue().matches(coding))
                .extracting(java.util.Map.Entry::getKey).containsExactly(cause);
    }
}
