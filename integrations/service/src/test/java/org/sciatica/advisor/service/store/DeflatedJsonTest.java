package org.sciatica.advisor.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DeflatedJsonTest {
    @Test
    void givesBackTheJsonItWasGivenCharacterForCharacter() {
        for (String json : new String[] {"{}", "{\"text\":\"gr\u00fc\u00dfe \u2014 line\\nbreak \ud83d\ude00\"}",
                "{\"a\":\"" + "x".repeat(100_000) + "\"}"}) {
            DeflatedJson d = DeflatedJson.of(json);
            assertThat(d.json()).isEqualTo(json);
            assertThat(DeflatedJson.fromDeflated(d.deflated())).isEqualTo(d);
            assertThat(DeflatedJson.of(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(d);
        }
    }

    @Test
    void refusesBytesThatAreNotDeflatedJsonByName() {
        assertThatThrownBy(() -> DeflatedJson.fromDeflated(new byte[] {(byte) 0xff, 0x00, 0x12}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deflated JSON");
        byte[] cut = DeflatedJson.of("{\"a\":\"" + "abc".repeat(1000) + "\"}").deflated();
        assertThatThrownBy(() -> DeflatedJson.fromDeflated(java.util.Arrays.copyOf(cut, cut.length / 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends before the JSON does");
    }

    @Test
    void theBytesHandedOutAreACopy() {
        DeflatedJson d = DeflatedJson.of("{\"a\":1}");
        d.deflated()[0] ^= 1;
        assertThat(d.json()).isEqualTo("{\"a\":1}");
    }
}
