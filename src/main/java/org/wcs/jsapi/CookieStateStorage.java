package org.wcs.jsapi;

import org.wcs.platform.Platform;
import org.wcs.service.SiteCookies;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The default storage (spec §7.3): one session cookie, {@code _genesys.chatService.state}, holding the state as JSON,
 * named and scoped by the plugin's own cookie rules ({@link SiteCookies}: deploymentID prefix, path, widest domain,
 * SameSite, Secure, {@code main.cookieOptions}). Not the {@code _genesys.widgets.webchat.state.*} cookies: the WebChat
 * UI and a page of this API must not drive one chat together.
 */
final class CookieStateStorage implements StateStorage {
    /** Browsers keep about 4096 bytes per cookie; the rest is for the name and attributes. */
    static final int MAX_BYTES = 3800;

    private final Platform platform;
    private final SiteCookies cookies;

    CookieStateStorage(Platform platform) {
        this.platform = platform;
        this.cookies = new SiteCookies(platform, platform.page.window().get("_genesys").get("widgets").get("main"));
    }

    @Override
    public void write(Value state) {
        if (state == null) {
            cookies.remove(ChatServiceTexts.STATE_COOKIE);
            return;
        }
        String json = Values.stringify(state);
        if (platform.page.encodeUri(json).length() > MAX_BYTES) {
            platform.page.log(ChatServiceTexts.STATE_TOO_LARGE);
            Value slim = Values.assign(Values.object(), state);
            slim.remove("userData");
            json = Values.stringify(slim);
        }
        cookies.set(ChatServiceTexts.STATE_COOKIE, json);
    }

    @Override
    public Value read() {
        String json = cookies.get(ChatServiceTexts.STATE_COOKIE);
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return Values.parse(json);
        } catch (JsError e) {
            return null;
        }
    }
}
