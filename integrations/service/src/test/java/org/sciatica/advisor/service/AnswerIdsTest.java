package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AnswerIdsTest {
    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        Instant at = Instant.parse("2026-12-06T16:00:00.123Z");
        UUID id = UUID.fromString(AnswerIds.next(Clock.fixed(at, ZoneOffset.UTC)));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).as("RFC 9562 variant").isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).as("the first 48 bits: Unix milliseconds").isEqualTo(at.toEpochMilli());
    }

    @Test
    void idsOfOneMillisecondDifferAndLaterMillisecondsSortAfter() {
        Clock sameMillisecond = Clock.fixed(Instant.parse("2026-12-06T16:00:00Z"), ZoneOffset.UTC);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(AnswerIds.next(sameMillisecond));
        }
        assertThat(ids).as("100,000 ids in one millisecond").hasSize(100_000);
        String earlier = AnswerIds.next(Clock.fixed(Instant.parse("2026-12-06T16:00:00.001Z"), ZoneOffset.UTC));
        String later = AnswerIds.next(Clock.fixed(Instant.parse("2026-12-06T16:00:00.002Z"), ZoneOffset.UTC));
        assertThat(earlier).as("ids sort as text in time order").isLessThan(later);
    }
}
