package org.wcs.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wcs.jvm.Js.call;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;

/** Checklist G8, G9, G19: plugin files and modules loaded on demand. */
class LazyLoadingTest extends BusFixture {

    @BeforeEach
    void pluginsPath() {
        call(cxbus, "configure", Js.obj("pluginsPath", "plugins"));
    }

    @Test
    void unknownPluginIsFetchedOnceAndAFailedFetchRejects() { // G8
        // when
        List<String> result = watch(call(cxbus, "command", "NoSuchPlugin.go"));
        loop.runDue();
        // then
        assertEquals(List.of("plugins/nosuchplugin.min.js"), page.requestedScripts);
        assertEquals(List.of("rejected:[\"" + BusTexts.LOAD_FAILED + "\"]"), result);
    }

    @Test
    void fileThatRegistersWhileEvaluatedGetsTheTriggeringCommand() { // G9
        // given a plugin file that registers at once and becomes ready a second later
        page.script("plugins/lazy.min.js", () -> {
            Value p = register("Lazy");
            call(p, "registerCommand", "go", Js.fn(c -> call(c.get("deferred"), "resolve", "handled")));
            loop.schedule(1000, () -> call(p, "ready"));
        });
        // when
        List<String> result = watch(call(cxbus, "command", "Lazy.go"));
        loop.advance(999);
        // then
        assertEquals(List.of(), result, "buffered until ready()");
        loop.advance(1);
        assertEquals(List.of("resolved:[\"handled\"]"), result);
        assertEquals(List.of("plugins/lazy.min.js"), page.requestedScripts);
    }

    @Test
    void fileThatRegistersLaterLosesOnlyTheTriggeringCommand() { // G9
        // given a plugin file that registers on a timer, after its onload
        page.script("plugins/late.min.js", () -> loop.schedule(50, () -> {
            Value p = register("Late");
            call(p, "registerCommand", "go", Js.fn(c -> call(c.get("deferred"), "resolve")));
            call(p, "ready");
        }));
        // when
        List<String> first = watch(call(cxbus, "command", "Late.go"));
        loop.advance(100);
        List<String> second = watch(call(cxbus, "command", "Late.go"));
        loop.runDue();
        // then
        assertEquals(List.of("rejected:[\"" + BusTexts.LOAD_FAILED + "\"]"), first);
        assertEquals(List.of("resolved:[]"), second);
    }

    @Test
    void loadPluginRefusesCaseInsensitiveClashes() {
        register("Ready1");
        List<String> result = watch(call(cxbus, "command", "ready1.x"));
        loop.runDue();
        assertEquals(List.of("rejected:[\"" + BusTexts.LOAD_FAILED + "\"]"), result);
        assertEquals(List.of(), page.requestedScripts);
    }

    @Test
    void loadPluginRejectsWithTheFileName() {
        List<String> result = watch(call(cxbus, "loadPlugin", "Missing"));
        loop.runDue();
        assertEquals(List.of("rejected:[\"Could not load plugin file: missing.min.js\"]"), result);
    }

    @Test
    void pluginMapRedirectsOrBlocks() {
        call(cxbus, "configure", Js.obj("pluginMap", Js.obj("mapped", "https://cdn.example/m.js", "blocked", false,
                "bad", "styles.css")));
        call(cxbus, "loadPlugin", "Mapped");
        List<String> blocked = watch(call(cxbus, "loadPlugin", "blocked"));
        List<String> bad = watch(call(cxbus, "loadPlugin", "bad"));
        loop.runDue();
        assertEquals(List.of("https://cdn.example/m.js"), page.requestedScripts);
        assertEquals(List.of("rejected:[]"), blocked);
        assertEquals(List.of("rejected:[]"), bad);
    }

    @Test
    void loadFileLoadsAUrlOnce() {
        page.script("a.js", () -> { });
        List<String> first = watch(call(cxbus, "loadFile", "a.js"));
        List<String> again = watch(call(cxbus, "loadFile", "a.js"));
        List<String> missing = watch(call(cxbus, "loadFile", "b.js"));
        loop.runDue();
        assertEquals(List.of("resolved:[]"), first);
        assertEquals(List.of("rejected:[]"), again);
        assertEquals(List.of("rejected:[\"Could not load file: b.js\"]"), missing);
    }

    @Test
    void loadModuleFetchesModFileAndResolvesWithTheRegisteredValue() { // G19
        // given
        page.script("plugins/m.mod.js", () -> call(cxbus, "registerModule", "m", Js.obj("factory", true)));
        page.script("plugins/empty.mod.js", () -> { });
        // when
        List<String> m = watch(call(cxbus, "loadModule", "m"));
        List<String> empty = watch(call(cxbus, "loadModule", "empty"));
        List<String> missing = watch(call(cxbus, "loadModule", "gone"));
        loop.runDue();
        // then
        assertEquals(List.of("resolved:[{\"factory\":true}]"), m);
        assertEquals(List.of("resolved:[null]"), empty, "undefined (shown as null in JSON)");
        assertEquals(List.of("rejected:[\"Could not load module: gone\"]"), missing);
        // and a registered module resolves without a request
        List<String> again = watch(call(cxbus, "loadModule", "m"));
        loop.runDue();
        assertEquals(List.of("resolved:[{\"factory\":true}]"), again);
        assertEquals(3, page.requestedScripts.size());
    }
}
