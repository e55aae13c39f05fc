package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.RuleInfo;

/** The catalog lists the texts a rule's actions write, with their effects; a text built from one value is a template. */
class RuleTextsTest {
    private static final String DRL = """
            rule "Example"
                @id("EX-01")
            when
                $f : RedFlag()
            then
                insert( new PressureLimit(Pressure.LIGHT, "light only, \\"gentle\\" \\u00e9") );
                insert( new Alert(WarningCode.RED_FLAG_REFERRAL, "Red flag " + $f + ": refer.") );
                insert( new Support(Technique.SWEDISH, 2, "a, b (c)") );
                insert( new Exclusion(Technique.HOT_STONE, $why) );
                insert( new Focus(BodyArea.PIRIFORMIS, "one " + "two") );
                insert( new Frequency(1, 2) );
            end
            """;

    @Test
    void fixedTextsAndTemplatesAreReadWithTheirEffects() {
        List<RuleInfo.Text> texts = RuleEffects.texts(DRL, 1);
        assertThat(texts).containsExactly(
                new RuleInfo.Text("limits pressure to LIGHT", "light only, \"gentle\" \u00e9"),
                new RuleInfo.Text("warns RED_FLAG_REFERRAL", "Red flag ", "$f", ": refer."),
                new RuleInfo.Text("supports SWEDISH (weight 2)", "a, b (c)"),
                new RuleInfo.Text("focuses on PIRIFORMIS", "one two"));
        assertThat(texts.get(1).isTemplate()).isTrue();
    }

    @Test
    void aRuleWithoutActionsHasNoTexts() {
        assertThat(RuleEffects.texts("rule \"x\"\nwhen\nthen\nend\n", 1)).isEmpty();
    }
}
