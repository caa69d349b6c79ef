package org.wcs.transport.purecloud;

import org.wcs.platform.Page;
import org.wcs.transport.PageContext;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The body of {@code POST /api/v2/webchat/guest/conversations}, built in the widget's order (spec 4.1): the
 * configured interaction data, the form's data, the start's user data, then the start's interaction data again on
 * top. Everything the guest tells about itself goes into {@code memberInfo.customFields}, as the widget does.
 */
final class CreateRequest {
    /** Source key in {@code interactionData.routing} / {@code .journey}, then its path in the body. */
    private static final String[] ROUTING = {"targetType", "targetType", "targetAddress", "targetAddress",
        "skills", "skills", "priority", "priority", "language", "language"};
    private static final String[] JOURNEY = {"customerId", "customer.id", "customerIdType", "customer.idType",
        "sessionId", "customerSession.id", "sessionType", "customerSession.type", "actionId", "triggeringAction.id",
        "actionMapId", "triggeringAction.actionMap.id", "actionMapVersion", "triggeringAction.actionMap.version"};
    private static final String[] FORM_NAMES = {"firstname", "firstName", "lastname", "lastName", "nickname",
        "nickname"};

    private CreateRequest() {
    }

    /**
     * {@code configured}: {@code transport.interactionData}; {@code configuredUserData}: {@code webchat.userData};
     * {@code request}: the service's {@code {form, userData, interactionData}}.
     */
    static Value body(String deploymentId, String organizationId, Value configured, Value configuredUserData,
            Value request, Page page) {
        Value routing = Values.object().set("targetAddress", "");
        Value journey = Values.object();
        Value custom = Values.object();
        map(configured, routing, journey, custom);
        Value form = request.get("form");
        Value fromForm = Values.object();
        if (form.isRecord() && form.keys().length > 0) {
            for (int i = 0; i < FORM_NAMES.length; i += 2) {
                fromForm.set(FORM_NAMES[i + 1], form.get(FORM_NAMES[i]));
            }
            PageContext.add(Values.assign(fromForm, configuredUserData), page);
            if (form.get("userData").isRecord()) {
                Values.assign(fromForm, form.get("userData"));
            }
            for (String k : form.keys()) {
                if (!k.equals("firstname") && !k.equals("lastname") && !k.equals("nickname") && !k.equals("userData")) {
                    fromForm.set(k, form.get(k));
                }
            }
        }
        Value userData = request.get("userData");
        Values.assign(Values.assign(custom, fromForm), userData);
        copyPhone(userData, custom);
        map(request.get("interactionData"), routing, journey, custom);
        if (!routing.has("targetType")) {
            routing.set("targetType", "QUEUE");
        }
        String first = fromForm.get("firstName").str("");
        String last = fromForm.get("lastName").str("");
        String name = fromForm.get("nickname").str("");
        name = !name.isEmpty() ? name : !first.isEmpty() && !last.isEmpty() ? first.concat(" ").concat(last)
                : !first.isEmpty() ? first : !last.isEmpty() ? last : "Customer";
        Value body = Values.object().set("deploymentId", deploymentId).set("organizationId", organizationId)
                .set("routingTarget", routing).set("memberInfo", Values.object().set("displayName", name)
                        .set("role", "CUSTOMER").set("customFields", custom));
        return journey.keys().length > 0 ? body.set("journeyContext", journey) : body;
    }

    /** One mapping pass of {@code interactionData} (routing, journey, userData) onto the body's parts. */
    private static void map(Value data, Value routing, Value journey, Value custom) {
        if (!data.isRecord()) {
            return;
        }
        copy(data.get("routing"), ROUTING, routing);
        copy(data.get("journey"), JOURNEY, journey);
        Values.assign(custom, data.get("userData"));
        copyPhone(data.get("userData"), custom);
    }

    private static void copyPhone(Value userData, Value custom) {
        Value phone = userData.get("phone");
        if (!phone.isNullish() && !phone.isObject()) {
            custom.set("phoneNumber", Values.text(phone));
        }
    }

    /**
     * Copies each present key to its dotted path under {@code root}: priorities and versions as numbers, skills as
     * given, the rest as strings. A value that is no number where one is needed is left out.
     */
    private static void copy(Value from, String[] table, Value root) {
        for (int i = 0; i < table.length; i += 2) {
            Value v = from.get(table[i]);
            String path = table[i + 1];
            if (v.isNullish()) {
                continue;
            }
            if (path.endsWith("riority") || path.endsWith("ersion")) {
                v = number(v);
                if (v == null) {
                    continue;
                }
            } else if (!path.equals("skills")) {
                v = Values.of(Values.text(v));
            }
            Value at = root;
            int dot;
            while ((dot = path.indexOf(".")) >= 0) {
                String key = path.substring(0, dot);
                if (!at.get(key).isObject()) {
                    at.set(key, Values.object());
                }
                at = at.get(key);
                path = path.substring(dot + 1);
            }
            at.set(path, v);
        }
    }

    /** JS {@code Number(v)} for numbers and numeric strings (through JSON, so no number parsing is bundled). */
    private static Value number(Value v) {
        v = v.isString() ? Call.json(v.str()) : v;
        return v != null && v.isNumber() ? v : null;
    }
}
