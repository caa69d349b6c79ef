package org.wcs.service;

import org.wcs.value.JsFunction;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The typing-preview input a page registered ({@code registerTypingPreviewInput}). Its text goes with every typing
 * notification, and, as the documentation says (the original only stored the element), the service watches it:
 * during a chat each edit the customer makes counts as a {@code sendTyping} (typing starts, or its idle count starts
 * over), and emptying it ends the burst at once. It listens to {@code input} events, which fire for the customer's
 * edits and not for a page's own {@code value = ''} after sending, so sending a message starts no new burst. The
 * Genesys WebChat UI sends its own {@code sendTyping} with the text it wants the agent to see: for it the element is
 * only read, as the original did (watching too would start each burst with the first letter alone).
 */
final class PreviewInput implements JsFunction {
    private static final String EVENT = "input";

    private final WebChatService service;
    private final Value listener = Values.function(this);
    private Value element;

    PreviewInput(WebChatService service) {
        this.service = service;
    }

    /** The commander whose typing notices are its own: its input is read, not watched. */
    static final String WEBCHAT_UI = "WebChat";

    /** Reads {@code input} instead of the element so far, and watches it unless {@code commander} is the UI. */
    void watch(Value input, String commander) {
        if (element != null) {
            listen(element, "removeEventListener");
        }
        element = input;
        if (!commander.equals(WEBCHAT_UI)) {
            listen(input, "addEventListener");
        }
    }

    private void listen(Value target, String method) {
        Value f = target.get(method);
        if (f.isFunction()) {
            f.call(target, Values.of(EVENT), listener);
        }
    }

    String text() {
        return element == null ? "" : element.get("value").str("");
    }

    /** An {@code input} event of the watched element. */
    @Override
    public Value call(Value self, Value[] args) {
        if (service.active()) {
            if (text().isEmpty()) {
                service.typing.end(true);
            } else {
                service.typing.edited();
            }
        }
        return Values.undefined();
    }
}
