package org.wcs.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader of source maps (version 3) for tests: decodes every mapping, so that a test can ask where a position of a
 * shipped bundle comes from, and read the source line there from the map's inlined sources.
 */
public final class SourceMap {
    private static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** One mapping: a generated position (0-based line and column) and the original one (0-based line). */
    public record Mapping(int line, int column, int source, int sourceLine, int sourceColumn) {
    }

    /** The original place of a generated position: the source's name, its 1-based line, and that line's text. */
    public record Origin(String source, int line, String text) {
    }

    public final JsonNode json;
    public final List<String> sources = new ArrayList<>();
    public final List<Mapping> mappings = new ArrayList<>();

    public SourceMap(Path file) throws IOException {
        json = new ObjectMapper().readTree(Files.readString(file));
        json.get("sources").forEach(s -> sources.add(s.asText()));
        decode(json.get("mappings").asText());
    }

    private void decode(String text) {
        int line = 0, column = 0, source = 0, sourceLine = 0, sourceColumn = 0;
        int[] at = {0};
        while (at[0] < text.length()) {
            char c = text.charAt(at[0]);
            if (c == ';') {
                line++;
                column = 0;
                at[0]++;
                continue;
            }
            if (c == ',') {
                at[0]++;
                continue;
            }
            column += vlq(text, at);
            if (at[0] < text.length() && text.charAt(at[0]) != ',' && text.charAt(at[0]) != ';') {
                source += vlq(text, at);
                sourceLine += vlq(text, at);
                sourceColumn += vlq(text, at);
                if (at[0] < text.length() && text.charAt(at[0]) != ',' && text.charAt(at[0]) != ';') {
                    vlq(text, at); // the name index: not needed here
                }
                mappings.add(new Mapping(line, column, source, sourceLine, sourceColumn));
            }
        }
    }

    private static int vlq(String text, int[] at) {
        int value = 0, shift = 0, digit;
        do {
            digit = DIGITS.indexOf(text.charAt(at[0]++));
            if (digit < 0) {
                throw new IllegalArgumentException("bad mappings at " + (at[0] - 1));
            }
            value += (digit & 31) << shift;
            shift += 5;
        } while ((digit & 32) != 0);
        return (value & 1) != 0 ? -(value >>> 1) : value >>> 1;
    }

    /** The inlined text of a source, or null (the TeaVM classlib's sources are not inlined). */
    public String content(int source) {
        JsonNode contents = json.get("sourcesContent");
        JsonNode c = contents == null ? null : contents.get(source);
        return c == null || c.isNull() ? null : c.asText();
    }

    /**
     * Where a generated position (1-based line and column, as in a stack trace) comes from: the last mapping at or
     * before it on its line, or null when its line has none before it.
     */
    public Origin origin(int line, int column) {
        Mapping best = null;
        for (Mapping m : mappings) {
            if (m.line == line - 1 && m.column <= column - 1 && (best == null || m.column >= best.column)) {
                best = m;
            }
        }
        if (best == null) {
            return null;
        }
        String content = content(best.source);
        String[] lines = content == null ? new String[0] : content.split("\n", -1);
        String text = best.sourceLine < lines.length ? lines[best.sourceLine] : null;
        return new Origin(sources.get(best.source), best.sourceLine + 1, text);
    }
}
