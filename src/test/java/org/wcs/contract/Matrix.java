package org.wcs.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The results of the contract suite, back end by row and scenario or fault by column, written to
 * {@code target/contract-matrix.md} after each test class (the last write holds both classes' results).
 */
final class Matrix {
    static final Path FILE = Path.of("target", "contract-matrix.md");
    /** Section ("Scenarios", "Faults") to row (scenario or fault) to back end to cell. */
    private static final Map<String, Map<String, Map<String, String>>> CELLS = new LinkedHashMap<>();
    private static final Map<String, String> NOTES = new LinkedHashMap<>();

    private Matrix() {
    }

    static synchronized void record(String section, String row, BackEnd backEnd, String cell) {
        CELLS.computeIfAbsent(section, s -> new LinkedHashMap<>()).computeIfAbsent(row, r -> new LinkedHashMap<>())
                .put(backEnd.name, cell);
    }

    /** A cell that refers to a numbered note under the table (for long reasons). */
    static synchronized void note(String section, String row, BackEnd backEnd, String label, String text) {
        String key = backEnd.name + ": " + text;
        NOTES.putIfAbsent(key, Integer.toString(NOTES.size() + 1));
        record(section, row, backEnd, label + " [" + NOTES.get(key) + "]");
    }

    /** Rows in this order first (scenarios as written, faults as {@link FaultKind} lists them). */
    private static final List<String> ORDER = Stream.concat(Stream.of("start", "agent joins",
            "messages both ways", "customer typing reaches the agent", "agent typing reaches the page", "file upload",
            "end by customer", "end by agent", "restore after a reload"), Stream.of(FaultKind.values())
                    .map(k -> k.label)).toList();

    private static int rank(String row) {
        int i = ORDER.indexOf(row);
        return i < 0 ? ORDER.size() : i;
    }

    static synchronized void write() throws IOException {
        List<BackEnd> backEnds = BackEnds.all();
        StringBuilder out = new StringBuilder("# Contract matrix\n\nWritten by `org.wcs.contract` (`mvn test"
                + " -Dtest='org.wcs.contract.**'`). Faults: messages compared = items in the page's transcript"
                + " equal to the emulator's after recovery; requests = requests (Bayeux messages for CometD,"
                + " socket upgrades included for Genesys Cloud) the emulator received from injection to recovery,"
                + " over that many simulated seconds.\n");
        for (Map.Entry<String, Map<String, Map<String, String>>> section : CELLS.entrySet()) {
            out.append("\n## ").append(section.getKey()).append("\n\n|  |");
            for (BackEnd b : backEnds) {
                out.append(' ').append(b.name).append(" |");
            }
            out.append("\n|---|");
            out.append("---|".repeat(backEnds.size())).append('\n');
            List<Map.Entry<String, Map<String, String>>> rows = new java.util.ArrayList<>(section.getValue()
                    .entrySet());
            rows.sort(java.util.Comparator.comparingInt(r -> rank(r.getKey())));
            for (Map.Entry<String, Map<String, String>> row : rows) {
                out.append("| ").append(row.getKey()).append(" |");
                for (BackEnd b : backEnds) {
                    out.append(' ').append(row.getValue().getOrDefault(b.name, "not run")).append(" |");
                }
                out.append('\n');
            }
        }
        if (!NOTES.isEmpty()) {
            out.append("\nNotes:\n\n");
            NOTES.forEach((text, n) -> out.append(n).append(". ").append(text).append('\n'));
        }
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, out);
    }
}
