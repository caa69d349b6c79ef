package org.wcs.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares two recordings of {@code differential.js} (their service's and ours) and keeps the differences for
 * {@code target/differential-report.md}. Per phase of the script: each command's settle state and value, and each of
 * the service's data keys at the phase's end. Per stage of the chat (before it, the chat, after a reload, after its
 * end, ...; which phase of a stage an event falls in depends on polling): each event as a multiset of its data shapes
 * (so events may come in another order, and a poll that brings two messages counts as two), uncaught errors as a
 * multiset. The periodic events ({@code ajaxResponse}, an entry per answer and one per message it carries) compare over
 * the whole run, as a set: how many come, and in which phase, depends on timing; those some services publish on every
 * request ({@code capabilitiesChanged}, {@code pollingStarted}/{@code Stopped}) as a set per phase. The same
 * difference in several phases is reported once, with its phases. A difference is known when an allow-list line
 * names it for its back end ({@code gms,cometd / <what> #<hash>}; {@code #*} in place of the hash: any content;
 * {@code #*{stage, ...}}: any content in those phases or stages only).
 */
final class DifferentialReport {
    private static final Set<String> PERIODIC = Set.of("ajaxResponse", "ajaxResponse.messages");
    /** Events some services publish once per request or read: within a phase, whether they came, not how often. */
    private static final Set<String> COUNTLESS = Set.of("capabilitiesChanged", "pollingStarted", "pollingStopped");
    private static final int SHOWN = 1200;
    /** The pseudo-phase of the periodic events: which phase a poll falls in depends on timing. */
    private static final String WHOLE_RUN = "whole run";

    /**
     * One way the two services differ on one back end, in the phases listed; {@code theirs}/{@code ours} show what
     * only that side had. The same difference in several phases is one.
     */
    record Difference(String backend, List<String> phases, String what, String theirs, String ours) {
        /** What differs, with a hash of both sides: the same on every back end where it is the same. */
        String id() {
            return what + " #" + hash(theirs + '\0' + ours);
        }

        String key() {
            return backend + " / " + id();
        }
    }

    /** An allow-list line: the back ends it covers, the difference, where its reason is, what it is. */
    private record Known(String line, Set<String> backends, String id, String reference, String description) {
        boolean covers(Difference d) {
            if (!backends.contains(d.backend())) {
                return false;
            }
            if (id.endsWith("#*")) {
                return id.equals(d.what() + " #*");
            }
            int open = id.indexOf(" #*{");
            if (open >= 0 && id.endsWith("}")) { // any content, in these phases or stages only
                Set<String> in = Set.of(id.substring(open + 4, id.length() - 1).split(", "));
                return id.substring(0, open).equals(d.what()) && in.containsAll(d.phases());
            }
            return id.equals(d.id());
        }
    }

    private record Run(List<Difference> differences, long millis) {
    }

    private final List<Known> known = new ArrayList<>();
    private final Path allowList;
    private final Path out;
    private final Map<String, Run> runs = new LinkedHashMap<>();

    DifferentialReport(Path allowList, Path out) {
        this.allowList = allowList;
        this.out = out;
        try {
            for (String line : Files.readAllLines(allowList)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" \\| ", 3);
                int slash = parts[0].indexOf(" / ");
                known.add(new Known(parts[0].trim(), Set.of(parts[0].substring(0, slash).split(",")),
                        parts[0].substring(slash + 3).trim(), parts.length > 1 ? parts[1].trim() : "",
                        parts.length > 2 ? parts[2].trim() : ""));
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + allowList + ": " + e, e);
        }
    }

    /** Compares the two recordings of one back end and keeps the outcome for the report. */
    List<Difference> compare(String backend, List<JsonNode> theirs, List<JsonNode> ours, long millis) {
        Map<String, Map<String, List<String>>> a = slots(theirs);
        Map<String, Map<String, List<String>>> b = slots(ours);
        Set<String> phases = new LinkedHashSet<>(a.keySet());
        phases.addAll(b.keySet());
        Map<List<String>, List<String>> where = new LinkedHashMap<>(); // (what, theirs, ours) -> phases
        for (String phase : phases) {
            Map<String, List<String>> x = a.getOrDefault(phase, Map.of());
            Map<String, List<String>> y = b.getOrDefault(phase, Map.of());
            Set<String> names = new LinkedHashSet<>(x.keySet());
            names.addAll(y.keySet());
            for (String what : names) {
                List<String> xs = x.getOrDefault(what, List.of());
                List<String> ys = y.getOrDefault(what, List.of());
                List<String> onlyTheirs = minus(xs, ys);
                List<String> onlyOurs = minus(ys, xs);
                if (what.startsWith("event ") && (PERIODIC.contains(what.substring(6))
                        || COUNTLESS.contains(what.substring(6)))) {
                    onlyTheirs = onlyTheirs.stream().distinct().filter(v -> !ys.contains(v)).toList();
                    onlyOurs = onlyOurs.stream().distinct().filter(v -> !xs.contains(v)).toList();
                }
                if (!onlyTheirs.isEmpty() || !onlyOurs.isEmpty()) {
                    where.computeIfAbsent(List.of(what, String.join("\n", onlyTheirs.stream().sorted().toList()),
                            String.join("\n", onlyOurs.stream().sorted().toList())), k -> new ArrayList<>()).add(phase);
                }
            }
        }
        List<Difference> found = new ArrayList<>();
        where.forEach((d, in) -> found.add(new Difference(backend, in, d.get(0), d.get(1), d.get(2))));
        runs.put(backend, new Run(found, millis));
        return found;
    }

    boolean known(Difference d) {
        return entry(d) != null;
    }

    private Known entry(Difference d) {
        return known.stream().filter(k -> k.covers(d)).findFirst().orElse(null);
    }

    /** Phase, then slot ("command <label>", "event <name>", "uncaught", ...), then the canonical values in order. */
    private static Map<String, Map<String, List<String>>> slots(List<JsonNode> recording) {
        Map<String, Map<String, List<String>>> phases = new LinkedHashMap<>();
        for (JsonNode entry : recording) {
            String kind = entry.get("kind").asText();
            String name = entry.get("name").asText();
            boolean periodic = kind.equals("event") && PERIODIC.contains(name);
            boolean byStage = List.of("event", "uncaught", "note", "unlisted").contains(kind);
            Map<String, List<String>> slots = phases.computeIfAbsent(periodic ? WHOLE_RUN
                    : entry.get(byStage ? "stage" : "phase").asText(), p -> new LinkedHashMap<>());
            String value = entry.get("value").toString();
            switch (kind) {
                case "command", "late" -> {
                    String slot = kind + " " + name;
                    for (int n = 2; slots.containsKey(slot); n++) {
                        slot = kind + " " + name + " (" + n + ")";
                    }
                    slots.put(slot, new ArrayList<>(List.of(value)));
                }
                case "registry" -> slots.put(kind + " " + name, new ArrayList<>(List.of(value)));
                case "data" -> entry.get("value").fields().forEachRemaining(f ->
                        slots.put("data " + f.getKey(), new ArrayList<>(List.of(f.getValue().toString()))));
                case "event" -> slots.computeIfAbsent("event " + name, s -> new ArrayList<>()).add(value);
                case "uncaught" -> slots.computeIfAbsent("uncaught", s -> new ArrayList<>()).add(name + " " + value);
                default -> slots.computeIfAbsent(kind, s -> new ArrayList<>()).add(name);
            }
        }
        return phases;
    }

    /** The items of {@code a} left once each item of {@code b} took one equal item away (multiset difference). */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> left = new ArrayList<>(a);
        b.forEach(left::remove);
        return left;
    }

    void write() throws java.io.IOException {
        StringBuilder md = new StringBuilder("# Differential run: Genesys Widgets WebChatService and ours\n\n")
                .append("Written by `DifferentialIT`. Each back end ran `differential-script.js` once on their service")
                .append(" and once on ours, against the same emulator and agent. Values are normalised shapes: ids and")
                .append(" times are typed placeholders, types and key sets are kept (a key holding `undefined` counts")
                .append(" as absent). Commands and data keys compare per phase of the script; events and uncaught")
                .append(" errors per stage of the chat, as multisets (`messageReceived` one entry per message;")
                .append(" `capabilitiesChanged` and `pollingStarted`/`Stopped` as sets); `ajaxResponse` (an entry per")
                .append(" answer and per message it carried) over the whole run, as a set. A side shows what only it")
                .append(" had. Known differences are listed in `")
                .append(allowList).append("`.\n\n| back end | differences | known | new | run |\n|---|---|---|---|---|\n");
        runs.forEach((backend, run) -> {
            long news = run.differences().stream().filter(d -> !known(d)).count();
            md.append("| ").append(backend).append(" | ").append(run.differences().size()).append(" | ")
                    .append(run.differences().size() - news).append(" | ").append(news).append(" | ")
                    .append(run.millis() / 1000).append(" s |\n");
        });
        Map<String, Set<String>> fresh = new LinkedHashMap<>(); // id -> back ends
        Set<String> matched = new LinkedHashSet<>(); // "<allow-list line> @ <back end>"
        runs.forEach((backend, run) -> {
            md.append("\n## ").append(backend).append("\n");
            for (Difference d : run.differences()) {
                Known k = entry(d);
                if (k != null) {
                    matched.add(k.line() + " @ " + backend);
                } else {
                    fresh.computeIfAbsent(d.id(), i -> new java.util.TreeSet<>()).add(backend);
                }
                md.append("\n### ").append(k == null ? "NEW " : "").append('`').append(d.key()).append("`\n\n")
                        .append("In: ").append(String.join(", ", d.phases())).append(".\n\n");
                if (k != null) {
                    md.append("Known: ").append(k.description()).append(" (").append(k.reference()).append(")\n\n");
                }
                md.append("- theirs only: ").append(code(d.theirs())).append("\n- ours only: ").append(code(d.ours()))
                        .append('\n');
            }
        });
        md.append("\n## Allow-list entries no difference matched (fixed? then remove them)\n\n");
        for (Known k : known) {
            for (String backend : new java.util.TreeSet<>(k.backends())) {
                if (runs.containsKey(backend) && !matched.contains(k.line() + " @ " + backend)) {
                    md.append("- `").append(backend).append(" / ").append(k.id()).append("`\n");
                }
            }
        }
        md.append("\n## New differences, as allow-list lines to complete\n\n```\n");
        fresh.forEach((id, backends) -> md.append(String.join(",", backends)).append(" / ").append(id)
                .append(" | ? | ?\n"));
        md.append("```\n");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        // the same, whole and machine-readable, for tools that draft allow-list lines
        List<Map<String, Object>> all = new ArrayList<>();
        runs.forEach((backend, run) -> run.differences().forEach(d -> all.add(Map.of("backend", backend,
                "id", d.id(), "phases", d.phases(), "theirs", d.theirs(), "ours", d.ours(), "known", known(d)))));
        Files.writeString(out.resolveSibling("differential-report.json"),
                new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(all));
    }

    private static String code(String s) {
        if (s.isEmpty()) {
            return "(nothing)";
        }
        String shown = s.length() > SHOWN ? s.substring(0, SHOWN) + " …(" + s.length() + " chars)" : s;
        return "\n\n  ```\n  " + shown.replace("\n", "\n  ") + "\n  ```\n";
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
