package org.wcs.tabs;

import java.util.ArrayList;
import java.util.List;
import org.wcs.fake.ScriptedTransport;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmTabs;
import org.wcs.service.TestPage;
import org.wcs.value.Value;

/** A browser whose tabs load the site with a scripted back end each, which answers at once. */
final class ScriptedTabs {
    final JvmTabs browser = new JvmTabs();
    /** Each tab's back end, in the order the tabs loaded. */
    final List<ScriptedTransport> transports = new ArrayList<>();

    /** Loads the site (GMS) in {@code tab}. */
    TestPage load(JvmTabs.Tab tab) {
        return new TestPage(tab.platform, Js.obj("dataURL", "http://chat.example.test/genesys/2/chat/svc"), ctx -> {
            ScriptedTransport t = new ScriptedTransport(ctx);
            t.autoReply = true;
            transports.add(t);
            return t;
        });
    }

    /** The texts of the page's transcript ({@code getTranscript}). */
    static List<String> texts(TestPage page) {
        Value messages = page.command("getTranscript", null).value.get("messages");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < messages.length(); i++) {
            if (messages.at(i).get("text").isString()) {
                out.add(messages.at(i).get("text").str());
            }
        }
        return out;
    }
}
