package org.wcs.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wcs.jvm.Js.call;
import static org.wcs.jvm.Js.keys;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;

/** Checklist G1, G2, G20, G21, G22: the shape of the global and of plugin interfaces. */
class BusApiTest extends BusFixture {

    @Test
    void globalHasTheCurrentBusMembers() { // G1
        assertTrue(keys(cxbus).containsAll(List.of("registerPlugin", "registerMaster", "loadPlugin", "loadFile",
                "loadModule", "registerModule", "configure", "command", "subscribe", "data")));
    }

    @Test
    void registerPluginReturnsExactlyThePluginInterface() { // G2
        // when
        Value x = register("X");
        // then
        assertEquals(List.of("publish", "publishDirect", "republish", "subscribe", "unsubscribe", "command", "before",
                "registerCommand", "registerEvents", "namespace", "subscribers", "data", "registry", "ready"),
                keys(x));
        assertEquals("X", call(x, "namespace").str());
    }

    @Test
    void takenNamesAndNonStringsAreRefused() { // G2
        register("X");
        assertFalse(register("X").truthy());
        assertFalse(call(cxbus, "registerPlugin", 5).truthy());
        assertFalse(call(cxbus, "registerPlugin").truthy());
        assertTrue(register("x").isObject(), "names are case-sensitive");
    }

    @Test
    void registerModuleAcceptsANameOnce() { // G20
        assertTrue(call(cxbus, "registerModule", "m", Js.obj("a", 1)).truthy());
        assertFalse(call(cxbus, "registerModule", "m", Js.obj("a", 2)).truthy());
    }

    @Test
    void masterIsHandedOutOnceAndLockStopsRegistration() { // G21
        // given
        Value master = call(cxbus, "registerMaster");
        // then
        assertEquals(List.of("lock", "unlock", "config"), keys(master));
        assertTrue(call(cxbus, "registerMaster").isUndefined());
        // when
        call(master, "lock");
        // then
        assertFalse(register("Late").truthy());
        call(master, "unlock");
        assertTrue(register("Late").isObject());
    }

    @Test
    void quietByDefaultAndTalkativeInDebug() { // G22
        // given
        Value p = register("P");
        call(p, "registerCommand", "c", Js.fn(c -> call(c.get("deferred"), "resolve")));
        call(p, "ready");
        call(p, "command", "c");
        call(p, "publish", "e");
        loop.runDue();
        // then
        assertEquals(List.of(), page.console);
        // when
        call(cxbus, "configure", Js.obj("debug", true));
        call(p, "command", "c");
        // then
        assertTrue(page.console.contains("CXBus configuration changed"));
        assertTrue(page.console.contains("P called the command: P.c"));
    }

    @Test
    void registryListsEveryPluginWithItsBuiltIns() {
        Value p = register("P");
        call(p, "registerEvents", Js.arr("a", "b"));
        call(p, "registerCommand", "c", Js.fn(c -> { }));
        Value reg = call(p, "registry");
        assertEquals("{\"events\":[\"a\",\"b\"],\"commands\":[\"COMMANDS\",\"EVENTS\",\"LOAD\",\"c\"]}",
                Js.json(reg.get("P")));
        assertTrue(reg.has("CXBus"));
    }

    @Test
    void unlockedConfigurationExposesGetPluginInterface() {
        Value p = register("P");
        call(cxbus, "configure", Js.obj("unlocked", true));
        assertTrue(call(cxbus, "getPluginInterface", "P").same(p));
        call(cxbus, "configure", Js.obj("unlocked", false));
        assertFalse(cxbus.has("getPluginInterface"));
    }
}
