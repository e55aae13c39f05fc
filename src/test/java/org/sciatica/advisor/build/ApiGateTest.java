package org.sciatica.advisor.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API gate's decision on a planted japicmp report: a removed method and a changed return type.
 * (.ci/check-api-gate runs the whole gate, japicmp included, on a planted baseline.)
 */
class ApiGateTest {
    private static final String REPORT = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <japicmp>
              <classes>
                <class binaryCompatible="false" changeStatus="MODIFIED" fullyQualifiedName="org.sciatica.advisor.Recommendation$Warning" sourceCompatible="false">
                  <compatibilityChanges/>
                  <constructors/>
                  <fields/>
                  <methods>
                    <method binaryCompatible="false" changeStatus="REMOVED" name="source" sourceCompatible="false">
                      <compatibilityChanges><compatibilityChange binaryCompatible="false" sourceCompatible="false" type="METHOD_REMOVED"/></compatibilityChanges>
                    </method>
                    <method binaryCompatible="true" changeStatus="NEW" name="sourceId" sourceCompatible="true">
                      <compatibilityChanges/>
                    </method>
                  </methods>
                </class>
                <class binaryCompatible="true" changeStatus="MODIFIED" fullyQualifiedName="org.sciatica.advisor.Technique" sourceCompatible="true">
                  <methods/>
                </class>
                <class binaryCompatible="false" changeStatus="REMOVED" fullyQualifiedName="org.sciatica.advisor.cli.CdsHooks" sourceCompatible="false"/>
              </classes>
            </japicmp>
            """;

    @Test
    void readsEveryIncompatibleClassAndMemberOnceAndNothingCompatible(@TempDir Path dir) throws IOException {
        List<ApiGate.Change> changes = ApiGate.incompatibleChanges(Files.writeString(dir.resolve("r.xml"), REPORT));
        assertThat(changes).extracting(ApiGate.Change::name)
                .containsExactly("Warning.source(", "org.sciatica.advisor.cli.CdsHooks");
    }

    @Test
    void aNewMinorVersionMayBreakWhatTheGuideNamesAndNothingElse(@TempDir Path dir) throws IOException {
        List<ApiGate.Change> changes = ApiGate.incompatibleChanges(Files.writeString(dir.resolve("r.xml"), REPORT));
        assertThat(ApiGate.problems(changes, "0.1.0", "0.2.0", "`Warning.source()` and `org.sciatica.advisor.cli.CdsHooks`", "G.md"))
                .isEmpty();
        assertThat(ApiGate.problems(changes, "0.1.0", "0.2.0", "only `org.sciatica.advisor.cli.CdsHooks`", "G.md"))
                .containsExactly("Warning.source( (METHOD_REMOVED): not named in G.md (write \"Warning.source(\" with its before and after)");
    }

    @Test
    void aPatchReleaseMayBreakNothingEvenWhenTheGuideNamesIt(@TempDir Path dir) throws IOException {
        List<ApiGate.Change> changes = ApiGate.incompatibleChanges(Files.writeString(dir.resolve("r.xml"), REPORT));
        assertThat(ApiGate.problems(changes, "0.2.0", "0.2.1", "Warning.source( org.sciatica.advisor.cli.CdsHooks", "G.md"))
                .hasSize(2).allMatch(p -> p.contains("version 0.2.1 may not break the API of 0.2.0 (a breaking change needs a new minor version)"));
        assertThat(ApiGate.mayBreak("0.2.0", "1.0.0")).isTrue();
        assertThat(ApiGate.mayBreak("1.2.0", "1.3.0")).isFalse();
        assertThat(ApiGate.mayBreak("1.2.0", "2.0.0-SNAPSHOT")).isTrue();
        assertThat(ApiGate.problems(List.of(), "1.2.0", "1.2.1", "", "G.md")).isEmpty();
    }
}
