package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.jvm.JvmStorage;
import org.wcs.jvm.ScriptedHttp;
import org.wcs.platform.HttpResponse;
import org.wcs.service.TestPage;

/** A chat id or file id holding URL syntax stays inside its path segment: no request goes to another path. */
class HostileIdsTest {
    static {
        Js.init();
    }

    /** Slash, query, fragment, dot-dot, spaces and a percent sign. */
    static final String HOSTILE = "a/../b?c=1#d e%zz";
    static final String ENCODED = "a%2F..%2Fb%3Fc%3D1%23d%20e%25zz";

    private final JvmLoop loop = new JvmLoop();
    private JvmPlatform tab;
    private ScriptedHttp http;

    private TestPage chatWithId(String chatId) {
        http = new ScriptedHttp(loop, r -> new HttpResponse(200, "{\"statusCode\":0,\"chatId\":" + Js.json(
                Js.wrap(chatId)) + ",\"secureKey\":\"K1\",\"userId\":\"U1\",\"alias\":\"1\",\"chatEnded\":false,"
                + "\"messages\":[]}", "application/json", false));
        tab = new JvmPlatform(loop, new JvmCookies(), new JvmStorage(), http);
        TestPage page = new TestPage(tab, Js.obj("dataURL", "http://gms/chat"), new Transports());
        page.command("startChat", Js.obj("nickname", "Ada"));
        loop.runDue();
        return page;
    }

    private String lastUrl() {
        return http.sent.get(http.sent.size() - 1).request().url;
    }

    @Test
    void aChatIdFromTheServerIsOneSegmentOfEveryCall() {
        // given a server that names the chat with URL syntax
        TestPage page = chatWithId(HOSTILE);
        // when the page polls and sends
        loop.advance(300);
        // then
        assertEquals("http://gms/chat/" + ENCODED + "/refresh", lastUrl());
        page.command("sendMessage", Js.obj("message", "hi"));
        assertEquals("http://gms/chat/" + ENCODED + "/send", lastUrl());
    }

    @Test
    void aChatIdThatIsADotSegmentCannotClimbToTheParentPath() {
        // given: URL parsers resolve "..", even written %2E%2E
        chatWithId("..");
        // when
        loop.advance(300);
        // then
        assertEquals("http://gms/chat/%252E%252E/refresh", lastUrl());
    }

    @Test
    void aFileIdFromThePageIsOneSegmentOfTheDownloadUrl() {
        // given
        TestPage page = chatWithId("C1");
        // when
        page.command("downloadFile", Js.obj("fileId", "../../admin?x#y"));
        // then
        assertEquals("http://gms/chat/C1/file/..%2F..%2Fadmin%3Fx%23y/download", tab.page.submittedForms.get(0)[0]);
    }
}
