package org.wcs.bus;

import java.util.ArrayList;
import java.util.List;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPage;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** A fresh bus with its JS global, as page code sees {@code window.CXBus}, on a virtual clock. */
class BusFixture {
    static {
        Js.init();
    }

    final JvmLoop loop = new JvmLoop();
    final JvmPage page = new JvmPage(loop);
    final Bus bus = new Bus(loop, page);
    final Value cxbus = BusApi.global(bus);

    Value register(String name) {
        return Js.call(cxbus, "registerPlugin", name);
    }

    /** Records how a promise settles: "resolved:<json of args>", "rejected:<...>". */
    static List<String> watch(Value promise) {
        List<String> out = new ArrayList<>();
        Js.call(promise, "done", Values.function((s, a) -> {
            out.add("resolved:" + args(a));
            return Values.undefined();
        }));
        Js.call(promise, "fail", Values.function((s, a) -> {
            out.add("rejected:" + args(a));
            return Values.undefined();
        }));
        return out;
    }

    static String args(Value[] a) {
        Value arr = Values.array();
        for (Value v : a) {
            arr.push(v);
        }
        return Values.stringify(arr);
    }
}
