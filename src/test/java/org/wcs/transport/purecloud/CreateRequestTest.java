package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPage;
import org.wcs.value.Value;

/** The create request body, built in the widget's order (spec 4.1, Client checklist 13.2). */
class CreateRequestTest {
    static {
        Js.init();
    }

    private final JvmPage page = new JvmPage(new JvmLoop());

    CreateRequestTest() {
        page.href = "https://shop.example.test/help";
        page.title = "Help";
        page.userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
    }

    private Value body(Value configured, Value configuredUserData, Value request) {
        return CreateRequest.body("D1", "O1", configured, configuredUserData, request, page);
    }

    private static Value request(Value form, Value userData, Value interactionData) {
        return Js.obj("form", form, "userData", userData, "interactionData", interactionData);
    }

    @Test
    void buildsTheWidgetsExampleBody() {
        // given the seed documentation's configuration and the WebChat form
        Value configured = Js.obj("routing", Js.obj("targetType", "QUEUE", "targetAddress", "Support", "priority", 2,
                "skills", Js.arr("Computers", "Printers"), "language", "English - Written"));
        Value userData = Js.obj("customerId", "59606", "phone", "1-916-892-2045");
        Value form = Js.obj("firstname", "Ada", "lastname", "Lovelace", "email", "ada@example.test",
                "subject", "Billing question");
        // when
        Value body = body(configured, Js.obj("customerId", "59606"), request(form, userData, configured));
        // then
        assertEquals("{\"deploymentId\":\"D1\",\"organizationId\":\"O1\",\"routingTarget\":{\"targetAddress\":"
                + "\"Support\",\"targetType\":\"QUEUE\",\"skills\":[\"Computers\",\"Printers\"],\"priority\":2,"
                + "\"language\":\"English - Written\"},\"memberInfo\":{\"displayName\":\"Ada Lovelace\",\"role\":"
                + "\"CUSTOMER\",\"customFields\":{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"customerId\":"
                + "\"59606\",\"_genesys_source\":\"web\",\"_genesys_referrer\":\"\",\"_genesys_url\":"
                + "\"https://shop.example.test/help\",\"_genesys_pageTitle\":\"Help\",\"_genesys_browser\":"
                + "\"Chrome\",\"_genesys_OS\":\"Linux\",\"email\":\"ada@example.test\",\"subject\":"
                + "\"Billing question\",\"phone\":\"1-916-892-2045\",\"phoneNumber\":\"1-916-892-2045\"}}}",
                Js.json(body));
    }

    @Test
    void displayNameIsNicknameElseFullNameElseEitherElseCustomer() {
        assertEquals("Ace", name(Js.obj("nickname", "Ace", "firstname", "Ada", "lastname", "Lovelace")));
        assertEquals("Ada Lovelace", name(Js.obj("firstname", "Ada", "lastname", "Lovelace")));
        assertEquals("Ada", name(Js.obj("firstname", "Ada")));
        assertEquals("Lovelace", name(Js.obj("lastname", "Lovelace")));
        assertEquals("Customer", name(Js.obj("email", "a@b.c")));
        assertEquals("Customer", name(Js.obj()));
    }

    private String name(Value form) {
        return body(Js.undef(), Js.undef(), request(form, Js.obj(), Js.obj())).get("memberInfo").get("displayName")
                .str();
    }

    @Test
    void withoutAFormNoPageContextIsAdded() {
        Value custom = body(Js.undef(), Js.obj("a", 1), request(Js.obj(), Js.obj("b", 2), Js.obj()))
                .get("memberInfo").get("customFields");
        assertEquals("{\"b\":2}", Js.json(custom));
    }

    @Test
    void routingDefaultsAndConversions() {
        Value routing = body(Js.obj("routing", Js.obj("priority", "3", "skills", Js.arr("A"))), Js.undef(),
                request(Js.obj(), Js.obj(), Js.obj())).get("routingTarget");
        assertEquals("{\"targetAddress\":\"\",\"skills\":[\"A\"],\"priority\":3,\"targetType\":\"QUEUE\"}",
                Js.json(routing));
        Value bad = body(Js.obj("routing", Js.obj("priority", "high", "targetAddress", 42)), Js.undef(),
                request(Js.obj(), Js.obj(), Js.obj())).get("routingTarget");
        assertEquals("{\"targetAddress\":\"42\",\"targetType\":\"QUEUE\"}", Js.json(bad),
                "a priority that is no number is left out; strings are stringified");
    }

    @Test
    void theStartsInteractionDataIsASecondPassOverTheConfiguredOne() {
        Value configured = Js.obj("routing", Js.obj("targetAddress", "Support", "priority", 2));
        Value started = Js.obj("routing", Js.obj("targetAddress", "Sales"), "userData", Js.obj("phone", 5551234));
        Value body = body(configured, Js.undef(), request(Js.obj(), Js.obj(), started));
        assertEquals("{\"targetAddress\":\"Sales\",\"priority\":2,\"targetType\":\"QUEUE\"}",
                Js.json(body.get("routingTarget")));
        assertEquals("{\"phone\":5551234,\"phoneNumber\":\"5551234\"}",
                Js.json(body.get("memberInfo").get("customFields")), "custom fields keep non-strings (Q10)");
    }

    @Test
    void journeyMapsToNestedContextWithANumericVersion() {
        Value journey = Js.obj("customerId", "C1", "customerIdType", "cookie", "sessionId", "S1", "sessionType",
                "web", "actionId", "A1", "actionMapId", "M1", "actionMapVersion", "4");
        Value body = body(Js.obj("journey", journey), Js.undef(), request(Js.obj(), Js.obj(), Js.obj()));
        assertEquals("{\"customer\":{\"id\":\"C1\",\"idType\":\"cookie\"},\"customerSession\":{\"id\":\"S1\","
                + "\"type\":\"web\"},\"triggeringAction\":{\"id\":\"A1\",\"actionMap\":{\"id\":\"M1\",\"version\":4}}}",
                Js.json(body.get("journeyContext")));
        assertFalse(body(Js.obj(), Js.undef(), request(Js.obj(), Js.obj(), Js.obj())).has("journeyContext"));
    }

    @Test
    void formUserDataAndOtherFieldsGoToCustomFieldsAndTheStartsUserDataWins() {
        Value form = Js.obj("nickname", "Ace", "userData", Js.obj("plan", "gold", "tier", 1), "subject", "Hi",
                "plan", "silver");
        Value custom = body(Js.undef(), Js.obj("tier", 0), request(form, Js.obj("tier", 9), Js.obj()))
                .get("memberInfo").get("customFields");
        assertEquals("Ace", custom.get("nickname").str());
        assertEquals("silver", custom.get("plan").str(), "form fields come after form.userData");
        assertEquals(9.0, custom.get("tier").num(), "the start's userData comes last");
        assertEquals("Hi", custom.get("subject").str());
        assertFalse(custom.has("userData"));
    }
}
