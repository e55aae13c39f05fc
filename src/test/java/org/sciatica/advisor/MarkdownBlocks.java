package org.sciatica.advisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced blocks of a Markdown page, for the tests that run or load what the manual shows. */
final class MarkdownBlocks {
    private MarkdownBlocks() {
    }

    /**
     * A fenced block: its language (empty when none is given), its text, the line its text starts
     * on (1-based) and the line of the heading of the section it is in (1 before any heading).
     */
    record Block(String language, String text, int line, int section) {
    }

    /** Every fenced block of the page, in order. */
    static List<Block> of(Path page) throws IOException {
        List<Block> blocks = new ArrayList<>();
        int section = 1;
        String language = null;
        int start = 0;
        StringBuilder text = new StringBuilder();
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (language == null && line.startsWith("#")) {
                section = i + 1;
            } else if (language == null && line.startsWith("```")) {
                language = line.substring(3).strip();
                start = i + 2;
                text.setLength(0);
            } else if (language != null && line.equals("```")) {
                blocks.add(new Block(language, text.toString(), start, section));
                language = null;
            } else if (language != null) {
                text.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** The page's blocks in this language, in order. */
    static List<Block> of(Path page, String language) throws IOException {
        return of(page).stream().filter(b -> b.language().equals(language)).toList();
    }
}
