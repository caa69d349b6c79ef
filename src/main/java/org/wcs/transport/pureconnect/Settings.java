package org.wcs.transport.pureconnect;

import org.wcs.transport.TransportContext;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The options of {@code _genesys.widgets.webchat} both PureConnect transports read (spec 2), and the start fields
 * they build from them and from a start's form (spec 4.2, 12.3).
 */
final class Settings {
    /** Time limit of every request when {@code ajaxTimeout} is not set (spec 3.1). */
    static final int AJAX_MS = 3000;

    final String type;
    /** {@code transport}. */
    final Value transport;
    /** {@code transport.hosts}, lower-cased strings only. */
    final String[] hosts;
    final boolean https;
    final String proxy;
    final int ajaxMs;
    /** {@code webchat.userData}: a fallback source of form-like keys only. */
    final Value userData;
    /** {@code transport.interactionData}, or {} when missing (the original's constructor threw, quirk Q4). */
    final Value interaction;

    Settings(TransportContext c, String type) {
        this.type = type;
        Value webchat = c.config;
        transport = webchat.get("transport");
        Value list = transport.get("hosts");
        int n = 0;
        for (int i = 0; i < list.length(); i++) {
            n += list.at(i).isString() ? 1 : 0;
        }
        hosts = new String[n];
        n = 0;
        for (int i = 0; i < list.length(); i++) {
            if (list.at(i).isString()) {
                hosts[n++] = Values.lower(list.at(i).str());
            }
        }
        https = transport.get("useHttps").bool(true);
        proxy = transport.get("reverseProxyUrl").str("");
        int ajax = c.number(webchat, "ajaxTimeout", 0);
        ajaxMs = ajax > 0 ? ajax : AJAX_MS;
        userData = webchat.get("userData");
        interaction = transport.get("interactionData").isRecord() ? transport.get("interactionData") : Values.object();
    }

    /** Where {@code host}'s ICWS answers: {@code <reverseProxyUrl>/<host>}, else {@code https://<host>:8019} (8018). */
    String base(String host) {
        return !proxy.isEmpty() ? proxy + "/" + host : https ? "https://" + host + ":8019" : "http://" + host + ":8018";
    }

    /**
     * The start fields of spec 4.2 for a start {@code request} ({@code {form, userData, options}}): participantName,
     * transcriptEmailAddress, targetName, targetType, language, notes, additionalAttributes, routingContexts.
     * A start's non-empty {@code interactionData} overrides the configured routing for that chat only (the original
     * wrote it into the configuration, so later chats of the page inherited it).
     */
    Value startFields(Value request, String language, Value configuredAttrs, Value routingContexts) {
        Value form = request.get("form");
        Value options = request.get("options");
        Value fields = Values.object().set("firstName", form.get("firstname")).set("lastName", form.get("lastname"));
        Values.assign(fields, userData);
        Values.assign(fields, form.get("userData"));
        for (String k : form.keys()) {
            if (!k.equals("userData") && !k.equals("firstname") && !k.equals("lastname")) {
                fields.set(k, form.get(k));
            }
        }
        Value given = options.get("interactionData");
        boolean override = given.isRecord() && given.keys().length > 0;
        Value routing = override && given.get("routing").isRecord() ? given.get("routing")
                : interaction.get("routing");
        String targetType = routing.get("targetType").str("");
        targetType = targetType.isEmpty() || targetType.equals("queue") ? "Workgroup" : targetType;
        Value queue = override && options.get("userData").get("targetQueue").isString()
                ? options.get("userData").get("targetQueue") : transport.get("userData").get("targetQueue");
        Value visit = override && options.get("userData").get("_actVisitId").isString()
                ? options.get("userData").get("_actVisitId") : transport.get("userData").get("_actVisitId");
        String notes = (override && given.get("notes").isString() ? given.get("notes")
                : interaction.get("notes")).str("");
        String subject = fields.get("subject").isString() ? fields.get("subject").str() : "";

        Value attrs = Values.assign(Values.object(), configuredAttrs);
        Value journey = interaction.get("journey");
        journey(attrs, "AltocloudCustomerId", journey.get("customerId"));
        journey(attrs, "AltocloudCustomerIdType", journey.get("customerIdType"));
        journey(attrs, "AltocloudActionMapId", journey.get("actionMapId"));
        journey(attrs, "AltocloudVisitId", visit);
        if (override) {
            Values.assign(attrs, given.get("additionalAttrs"));
        }
        Values.assign(attrs, options.get("userData"));
        Values.assign(attrs, form.get("userData"));

        Value body = Values.object().set("participantName", name(fields));
        if (fields.get("email").isString()) {
            body.set("transcriptEmailAddress", fields.get("email"));
        }
        body.set("targetName", queue.isString() && !queue.str().isEmpty() ? queue
                : Values.of(routing.get("targetName").str("")))
                .set("targetType", targetType)
                .set("language", language == null ? "" : language)
                .set("notes", subject.isEmpty() ? notes : notes.isEmpty() ? subject : subject + "\n" + notes)
                .set("additionalAttributes", attrs);
        if (!routingContexts.isUndefined()) {
            body.set("routingContexts", routingContexts);
        }
        return body;
    }

    private static void journey(Value attrs, String key, Value v) {
        if (v.isString() && !v.str().isEmpty()) {
            attrs.set(key, v);
        }
    }

    /** nickname, else "first last" when both are non-empty, else first, else "Customer" (spec 4.2). */
    static String name(Value fields) {
        String nick = fields.get("nickname").isString() ? fields.get("nickname").str() : "";
        String first = fields.get("firstName").isString() ? fields.get("firstName").str() : "";
        String last = fields.get("lastName").isString() ? fields.get("lastName").str() : "";
        return !nick.isEmpty() ? nick : !first.isEmpty() && !last.isEmpty() ? first + " " + last
                : !first.isEmpty() ? first : "Customer";
    }

    /**
     * A {@code pollWaitSuggestion} applied to the current interval (spec 7): only a truthy value counts; it is read
     * as {@code parseInt} reads it; no number or 0 gives 1000, less than 100 gives 100.
     */
    static int interval(Value suggestion, int current) {
        if (!suggestion.truthy()) {
            return current;
        }
        String s = Values.text(suggestion).trim();
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        int n = 0; // stops below 10^9: within an int
        int digits = 0;
        for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && n < 100000000; i++, digits++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        if (digits == 0 || n == 0) {
            return 1000;
        }
        return s.startsWith("-") || n < 100 ? 100 : n;
    }
}
