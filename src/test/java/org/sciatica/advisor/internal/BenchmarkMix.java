package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;

/**
 * A realistic mix of 1,000 assessments for the benchmarks, fixed by its seed: mostly mild to
 * moderate muscular and disc cases, a tenth with a condition, one in fifty with a red flag.
 */
public final class BenchmarkMix {
    private BenchmarkMix() {
    }

    public static List<Assessment> assessments() {
        SplittableRandom random = new SplittableRandom(20261125);
        List<Assessment> mix = new ArrayList<>();
        Cause[] causes = Cause.values();
        for (int i = 0; i < 1_000; i++) {
            Assessment.Builder b = Assessment.builder()
                    .id("mix-" + i)
                    .cause(causes[random.nextInt(causes.length)])
                    .sensitivity(Sensitivity.values()[random.nextInt(3)])
                    .inflammation(Inflammation.values()[random.nextInt(10) < 6 ? 0 : random.nextInt(3)])
                    .painLevel(random.nextInt(10) < 8 ? 2 + random.nextInt(5) : random.nextInt(11));
            if (random.nextInt(4) > 0) {
                b.course(Course.values()[random.nextInt(3)]);
            }
            symptomsAndTenseAreas(b, random);
            if (random.nextInt(10) == 0) {
                b.conditions(Condition.values()[random.nextInt(Condition.values().length)]);
            }
            if (random.nextInt(50) == 0) {
                b.redFlags(RedFlag.values()[random.nextInt(RedFlag.values().length)]);
            }
            mix.add(b.build());
        }
        return mix;
    }

    /**
     * 5,000 fixed assessments of a harder mix: half the clients have a condition (one or two), one
     * in seven a red flag, a third give their age. Longer answers than {@link #assessments()}.
     */
    public static List<Assessment> heavy() {
        SplittableRandom random = new SplittableRandom(20261128);
        List<Assessment> mix = new ArrayList<>();
        Cause[] causes = Cause.values();
        for (int i = 0; i < 5_000; i++) {
            Assessment.Builder b = Assessment.builder()
                    .id("heavy-" + i)
                    .cause(causes[random.nextInt(causes.length)])
                    .sensitivity(Sensitivity.values()[random.nextInt(3)])
                    .inflammation(Inflammation.values()[random.nextInt(3)])
                    .painLevel(random.nextInt(11));
            if (random.nextInt(4) > 0) {
                b.course(Course.values()[random.nextInt(3)]);
            }
            if (random.nextInt(3) == 0) {
                b.age(10 + random.nextInt(80));
            }
            symptomsAndTenseAreas(b, random);
            if (random.nextInt(2) == 0) {
                Condition[] all = Condition.values();
                b.conditions(random.nextInt(3) == 0 ? List.of(all[random.nextInt(all.length)], all[random.nextInt(all.length)])
                        : List.of(all[random.nextInt(all.length)]));
            }
            if (random.nextInt(7) == 0) {
                b.redFlags(RedFlag.values()[random.nextInt(RedFlag.values().length)]);
            }
            mix.add(b.build());
        }
        return mix;
    }

    /** About a quarter of the symptoms and a fifth of the areas, drawn in a fixed order. */
    private static void symptomsAndTenseAreas(Assessment.Builder b, SplittableRandom random) {
        List<Symptom> symptoms = new ArrayList<>();
        for (Symptom s : Symptom.values()) {
            if (random.nextInt(4) == 0) {
                symptoms.add(s);
            }
        }
        b.symptoms(symptoms);
        List<BodyArea> areas = new ArrayList<>();
        for (BodyArea area : BodyArea.values()) {
            if (random.nextInt(5) == 0) {
                areas.add(area);
            }
        }
        b.tenseAreas(areas);
    }
}
