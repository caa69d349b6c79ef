package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wcs.packaging.SourceMap;

/**
 * The shipped plugin's source map in a real Chromium (issue 17): a deliberate error, thrown by a page's subscriber
 * that our bus called, has a stack trace whose frames in webchatservice.min.js resolve, through the map the sourceMappingURL comment names, to our Java files and lines.
 */
class SourceMapIT extends InBrowser {
    private static final Pattern FRAME = Pattern.compile("/plugins/webchatservice\\.min\\.js:(\\d+):(\\d+)");

    @Test
    void aStackTraceThroughThePluginResolvesToJavaFilesAndLines() throws Exception {
        // given the standalone plugin, and a page that records the uncaught errors it is told of
        open("/test/bare.html");
        // when a subscriber of the page throws a deliberate error while our bus delivers an event to it (the page is told
    // of it as uncaught)
        // (its stack is read where it is thrown: Chromium mutes what webdriver's injected script throws to "Script
        // error." by the time it reaches window.onerror)
        Object stack = run("var seen = new Promise(function (ok) { window.addEventListener('error', ok); });"
                + "var p = CXBus.registerPlugin('Probe'); p.ready();"
                + "p.subscribe('Probe.boom', function () {"
                + "  var e = new Error('deliberate'); window.deliberate = e.stack; throw e; });"
                + "p.publish('boom');"
                + "await seen; return window.deliberate;");
        assertTrue(String.valueOf(stack).startsWith("Error: deliberate"), String.valueOf(stack));
        // then the page can fetch the map that the file names, and it is the one built beside the file
        Object served = run("var r = await fetch('/plugins/webchatservice.min.js.map');"
                + "var m = await r.json(); return r.status + ' ' + m.file + ' ' + m.sources.length;");
        SourceMap map = new SourceMap(Path.of("plugins/webchatservice.min.js.map"));
        assertEquals("200 webchatservice.min.js " + map.sources.size(), served);
        // and the frames in our file resolve to Java files, at lines that exist there (TeaVM's few lines of runtime
        // glue, such as the wrapper that calls a Java method as a JS function, have no Java source and no mapping)
        List<SourceMap.Origin> origins = new ArrayList<>();
        List<String> report = new ArrayList<>();
        Matcher m = FRAME.matcher(String.valueOf(stack));
        while (m.find()) {
            SourceMap.Origin origin = map.origin(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            report.add(m.group(1) + ":" + m.group(2) + " -> " + (origin == null ? "(TeaVM runtime)" : origin));
            if (origin != null) {
                origins.add(origin);
            }
        }
        System.out.println("SourceMapIT: " + String.join("\n  ", report));
        assertTrue(origins.size() >= 3, "frames of webchatservice.min.js resolved: " + report + " in " + stack);
        for (SourceMap.Origin o : origins) {
            assertTrue(o.source().endsWith(".java"), o.toString());
            if (o.source().startsWith("org/wcs/")) {
                assertNotNull(o.text(), "line " + o.line() + " exists in " + o.source());
            }
        }
        // and among them, at its very line, is the bus delivering the event to the subscriber
        assertTrue(origins.stream().anyMatch(o -> o.source().equals("org/wcs/bus/Bus.java")
                && o.text() != null && o.text().contains("subscriber.on(")), origins.toString());
    }
}
