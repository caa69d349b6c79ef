package org.wcs.jvm;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wcs.platform.Page;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A page for JVM tests: a {@code window} object, a location, a console that records lines, and "script files" that
 * are Java code registered by URL. Loading a script evaluates it (runs its code) and then fires {@code onload} on a
 * later turn; an unknown URL fires {@code onerror}, as a 404 would.
 */
public final class JvmPage implements Page {
    private final JvmLoop loop;
    private Value window = Values.object();
    private final Map<String, Runnable> scripts = new HashMap<>();
    public final List<String> requestedScripts = new ArrayList<>();
    public final List<String> console = new ArrayList<>();
    public final List<String[]> submittedForms = new ArrayList<>();
    /** What {@link #onReturn} was given, in order. */
    private final List<Runnable> returns = new ArrayList<>();
    public String href = "http://localhost/index.html";
    public String referrer = "";
    public String title = "Test page";
    public String userAgent = "Mozilla/5.0 (X11; Linux x86_64) JVM test";
    /** {@code document.visibilityState === 'visible'}: change it with {@link #visible(boolean)}. */
    private boolean visible = true;
    /** What {@link #onVisibility} was given, in order. */
    private final List<Runnable> visibility = new ArrayList<>();
    /** {@code navigator.onLine}; {@link #goOffline} and {@link #goOnline} change it as the browser does. */
    public boolean online = true;

    public JvmPage(JvmLoop loop) {
        this.loop = loop;
    }

    /** A new page in the same tab: a fresh window (cookies and storage belong to the platform and stay). */
    public void reload() {
        window = Values.object();
        requestedScripts.clear();
        console.clear();
        returns.clear();
        visibility.clear();
    }

    /** Serves {@code url} as a script whose evaluation runs {@code code}. */
    public void script(String url, Runnable code) {
        scripts.put(url, code);
    }

    @Override
    public Value window() {
        return window;
    }

    @Override
    public String href() {
        return href;
    }

    @Override
    public String referrer() {
        return referrer;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    @Override
    public void whenParsed(Runnable task) {
        loop.schedule(0, task);
    }

    @Override
    public void onReturn(Runnable task) {
        returns.add(task);
    }

    /**
     * The page comes back (the browser's {@code online}, or the document becoming visible): runs every
     * {@link #onReturn} task, each on its own turn of the loop as an event would.
     */
    public void comeBack() {
        for (Runnable task : new ArrayList<>(returns)) {
            loop.schedule(0, task);
        }
    }

    @Override
    public boolean visible() {
        return visible;
    }

    @Override
    public void onVisibility(Runnable task) {
        visibility.add(task);
    }

    /**
     * The tab is shown ({@code true}) or hidden, as the browser does it: the state changes at once, then
     * {@code visibilitychange} runs every {@link #onVisibility} task, each on its own turn of the loop; becoming
     * visible also runs the {@link #onReturn} tasks. Nothing happens when the state does not change.
     */
    public void visible(boolean shown) {
        if (shown == visible) {
            return;
        }
        visible = shown;
        for (Runnable task : new ArrayList<>(visibility)) {
            loop.schedule(0, task);
        }
        if (shown) {
            comeBack();
        }
    }

    @Override
    public boolean online() {
        return online;
    }

    /** The browser loses its network: {@code navigator.onLine} turns false (no event reaches us for that). */
    public void goOffline() {
        online = false;
    }

    /** The network is back: {@code navigator.onLine} turns true and the {@code online} event fires. */
    public void goOnline() {
        online = true;
        comeBack();
    }

    @Override
    public void loadScript(String url, Runnable onLoad, Runnable onError) {
        requestedScripts.add(url);
        Runnable code = scripts.get(url);
        loop.schedule(0, () -> {
            if (code == null) {
                onError.run();
                return;
            }
            code.run();
            loop.schedule(0, onLoad);
        });
    }

    @Override
    public void submitForm(String url, String[] fields) {
        String[] entry = new String[fields.length + 1];
        entry[0] = url;
        System.arraycopy(fields, 0, entry, 1, fields.length);
        submittedForms.add(entry);
    }

    @Override
    public void log(String line) {
        console.add(line);
    }

    /** As the browser's: a lone surrogate throws, as a JS URIError reaches Java. */
    @Override
    public String encodeUriComponent(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new JsError("URIError: URI malformed");
            }
        }
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!")
                .replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }

    @Override
    public String decodeUri(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
