package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.jvm.JvmStorage;
import org.wcs.jvm.ScriptedHttp;
import org.wcs.platform.HttpResponse;
import org.wcs.service.TestPage;
import org.wcs.browser.Transports;
import org.wcs.value.Values;

/** Raw GMS events as page code gets them (spec §12.2), and how error answers are classified (§2.5). */
class GmsConvertTest {
    static {
        Js.init();
    }

    @Test
    void structuredContentTextBotStyleAndStringIds() {
        var raw = Values.parse("{\"from\":{\"nickname\":\"Helper\",\"participantId\":\"7\",\"type\":\"External\"},"
                + "\"index\":5,\"type\":\"Message\",\"text\":\"fallback\",\"utcTime\":1718000012000,"
                + "\"eventAttributes\":{\"GCTI_SYSTEM\":{\"party-info\":{\"style\":\"BOT\"}},"
                + "\"structured-content\":{\"genesys-chat\":{\"content\":\"{\\\"text\\\":\\\"Pick one\\\"}\"}}}}");
        assertEquals("{\"text\":\"Pick one\",\"type\":\"Message\",\"index\":5,\"timestamp\":1718000012000,"
                + "\"from\":{\"id\":7,\"type\":\"Bot\",\"name\":\"Helper\"}}", Js.json(Gms.convert(raw)));
    }

    @Test
    void everyItemHasTheOriginalsKeysAndAJoinNoText() { // issue 13 item 4
        var join = Values.parse("{\"from\":{\"nickname\":\"Grace\",\"participantId\":\"2\",\"type\":\"Agent\"},"
                + "\"index\":2,\"type\":\"ParticipantJoined\",\"utcTime\":5}");
        String common = "type:string,index:number,timestamp:number,html:undefined,bubble:undefined,";
        String from = "from:{id:number,type:string,name:string}}";
        assertEquals("{text:undefined," + common + "userData:undefined," + from, Js.shape(Gms.convert(join)));
        var message = Values.parse("{\"from\":{\"nickname\":\"Grace\",\"participantId\":2,\"type\":\"Agent\"},"
                + "\"index\":3,\"type\":\"Message\",\"text\":\"Hi\",\"utcTime\":6,\"messageType\":\"text\"}");
        assertEquals("{text:string," + common + "userData:undefined," + from, Js.shape(Gms.convert(message)));
        var typing = Values.parse("{\"from\":{\"nickname\":\"Grace\",\"participantId\":2,\"type\":\"Agent\"},"
                + "\"index\":4,\"type\":\"TypingStopped\",\"utcTime\":7}");
        assertEquals("{isTyping:boolean,text:undefined," + common + "userData:undefined," + from,
                Js.shape(Gms.convert(typing)));
        var file = Values.parse("{\"from\":{\"nickname\":\"Ada\",\"participantId\":1,\"type\":\"Client\"},"
                + "\"index\":9,\"type\":\"FileUploaded\",\"text\":\"F1\",\"utcTime\":2,"
                + "\"userData\":{\"file-id\":\"F1\"}}");
        assertEquals("{fileDetails:{file-id:string},text:string," + common + "userData:{file-id:string}," + from,
                Js.shape(Gms.convert(file)));
    }

    @Test
    void typingFlagsAndFileDetails() {
        var typing = Values.parse("{\"from\":{\"nickname\":\"Grace\",\"participantId\":2,\"type\":\"Agent\"},"
                + "\"index\":6,\"type\":\"TypingStarted\",\"utcTime\":1}");
        assertEquals("{\"isTyping\":true,\"type\":\"TypingStarted\",\"index\":6,\"timestamp\":1,\"from\":{\"id\":2,"
                + "\"type\":\"Agent\",\"name\":\"Grace\"}}", Js.json(Gms.convert(typing)));
        var file = Values.parse("{\"from\":{\"nickname\":\"Ada\",\"participantId\":1,\"type\":\"Client\"},"
                + "\"index\":9,\"type\":\"FileUploaded\",\"text\":\"F1\",\"utcTime\":2,"
                + "\"userData\":{\"file-id\":\"F1\",\"file-name\":\"a.pdf\",\"file-size\":\"3\"}}");
        var item = Gms.convert(file);
        assertEquals("a.pdf", item.get("fileDetails").get("file-name").str());
        assertEquals("F1", item.get("userData").get("file-id").str());
        var noSender = Values.parse("{\"index\":1,\"type\":\"Notice\",\"text\":\"hi\",\"utcTime\":3}");
        assertEquals("\"\"", Js.json(Gms.convert(noSender).get("from").get("id")));
    }

    @Test
    void pollErrorsCode204AreIgnoredAnd306IsAnInvalidService() {
        JvmLoop loop = new JvmLoop();
        String ok = "{\"statusCode\":0,\"chatId\":\"C1\",\"secureKey\":\"K1\",\"userId\":\"U1\",\"alias\":\"1\","
                + "\"chatEnded\":false,\"messages\":[]}";
        String[] next = {ok};
        ScriptedHttp http = new ScriptedHttp(loop, r -> new HttpResponse(next[0].equals(ok) ? 200 : 400, next[0],
                "application/json", false));
        TestPage page = new TestPage(new JvmPlatform(loop, new JvmCookies(), new JvmStorage(), http),
                Js.obj("dataURL", "http://gms/chat"), new Transports());
        page.command("startChat", Js.obj("nickname", "Ada"));
        loop.runDue();
        page.takeEvents();
        next[0] = "{\"statusCode\":2,\"errors\":[{\"code\":204,\"advice\":\"too long\"}]}";
        loop.advance(300);
        assertEquals(List.of(), page.takeEvents().stream().filter(e -> e.startsWith("error")).toList());
        next[0] = "{\"statusCode\":2,\"errors\":[{\"code\":306}]}";
        loop.advance(800);
        assertEquals("InvalidService", page.data("error").get("errorReason").str());
    }
}
