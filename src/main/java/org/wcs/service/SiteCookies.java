package org.wcs.service;

import org.wcs.platform.CookieJar;
import org.wcs.platform.CookieOptions;
import org.wcs.platform.MemoryCookies;
import org.wcs.platform.Platform;
import org.wcs.transport.StateCookies;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The site's chat cookies, named the way Genesys Widgets' cookie helper names them ({@code <main.deploymentID>.}
 * prefix when one is configured), session cookies on {@code path=/}, {@code SameSite=strict}, {@code Secure} on https
 * pages, {@code main.cookieOptions} applied last and honoured exactly.
 *
 * <p>The domain is the widest one the browser accepts, learnt by writing a probe cookie and reading it back, from the
 * shortest parent of the host down ({@code .example.gouv.fr} for {@code www.example.gouv.fr}: {@code .gouv.fr} is a
 * public suffix the browser refuses). The original guessed it from the last labels and lost every cookie under public
 * suffixes such as {@code gouv.fr} or {@code myshopify.com}; probing asks the browser's own Public Suffix List (ICANN
 * and private sections) and costs a few {@code document.cookie} writes once per page, at the first write. Where no domain is accepted
 * (localhost, IP addresses) cookies are host-only; where no cookie can be stored at all (blocked, sandboxed iframe)
 * they live in memory for the life of the page and {@link #onUnavailable} runs once, at the first write.
 */
public final class SiteCookies implements StateCookies {
    /** Our probe's name: written, read back and removed while the domain is decided. */
    static final String PROBE = "_genesys.widgets.webchat.probe";

    private final Platform platform;
    private final Value main;
    private final String href;
    private CookieJar jar;
    private boolean scoped;
    private String domain;
    private boolean inMemory;
    private Runnable onUnavailable;

    public SiteCookies(Platform platform, Value main) {
        this.platform = platform;
        this.jar = new CookieJar(platform.cookies, platform.page);
        this.main = main;
        this.href = platform.page.href();
    }

    /** Runs once, at the first write, if the browser stores no cookie at all. */
    void onUnavailable(Runnable task) {
        onUnavailable = task;
    }

    @Override
    public String name(String name) {
        String id = main.get("deploymentID").str();
        return id == null || id.isEmpty() ? name : id + "." + name;
    }

    @Override
    public String get(String name) {
        // No probe for a read: until the first write the browser's jar is read as it is (a blocked or sandboxed one
        // reads as empty, like the in-memory jar that may replace it), so a page that only restores or has no chat
        // writes no probe before ready (measured: the probe's document.cookie round trips were most of the script
        // time between DOMContentLoaded and ready).
        return jar.get(name(name));
    }

    @Override
    public void set(String name, String value) {
        CookieOptions o = options();
        if (inMemory && onUnavailable != null) {
            Runnable once = onUnavailable;
            onUnavailable = null;
            once.run();
        }
        jar.set(name(name), value, o);
    }

    @Override
    public void remove(String name) {
        jar.remove(name(name), options());
    }

    /** True when cookies live in memory only (nothing survives a reload). */
    boolean inMemory() {
        scope();
        return inMemory;
    }

    CookieOptions options() {
        scope();
        CookieOptions o = base();
        o.domain = custom().get("domain").str(domain);
        return o;
    }

    /** Every attribute but the domain: the defaults, then the site's {@code main.cookieOptions}. */
    private CookieOptions base() {
        CookieOptions o = new CookieOptions();
        o.sameSite = "strict";
        o.secure = href.startsWith("https:");
        Value custom = custom();
        o.path = custom.get("path").str(o.path);
        o.sameSite = custom.get("sameSite").str(custom.get("samesite").str(o.sameSite));
        o.secure = custom.get("secure").bool(o.secure);
        if (custom.get("expires").isNumber()) {
            o.maxAgeSeconds = (int) (custom.get("expires").num() * 86400);
        }
        return o;
    }

    private Value custom() {
        Value custom = main.get("cookieOptions");
        return custom.isRecord() ? custom : Values.object();
    }

    /** Decides the domain once: the site's own, else the widest the browser takes, else host-only, else memory. */
    private void scope() {
        if (scoped) {
            return;
        }
        scoped = true;
        String configured = custom().get("domain").str();
        if (configured != null) {
            inMemory = !accepts(configured) && !accepts(null);
        } else {
            domain = widestAccepted(host(href));
            inMemory = domain == null && !accepts(null);
        }
        if (inMemory) {
            jar = new CookieJar(new MemoryCookies(), platform.page);
        }
    }

    private String widestAccepted(String host) {
        int last = host.lastIndexOf(".");
        if (last < 0 || host.startsWith("[") || isNumeric(host.substring(last + 1))) {
            return null;
        }
        for (int dot = host.lastIndexOf(".", last - 1); ; dot = host.lastIndexOf(".", dot - 1)) {
            String candidate = "." + host.substring(dot + 1);
            if (accepts(candidate)) {
                return candidate;
            }
            if (dot < 0) {
                return null;
            }
        }
    }

    /** Writes the probe on {@code candidate} (null: host-only), reads it back, removes it; true if it was kept. */
    private boolean accepts(String candidate) {
        CookieOptions o = base();
        o.domain = candidate;
        o.maxAgeSeconds = -1;
        String mark = candidate == null ? "host" : candidate;
        jar.set(PROBE, mark, o);
        boolean kept = mark.equals(jar.get(PROBE));
        if (kept) {
            jar.remove(PROBE, o);
        }
        return kept;
    }

    @Override
    public Value optionsValue() {
        CookieOptions o = options();
        Value v = Values.object();
        if (o.domain != null) {
            v.set("domain", o.domain).set("path", o.path);
        }
        v.set("samesite", o.sameSite);
        // an integrator's store that writes its cookie with these options must not drop Secure on https pages
        return o.secure ? v.set("secure", true) : v;
    }

    static String host(String href) {
        int start = href.indexOf("//");
        if (start < 0) {
            return "";
        }
        int end = start + 2;
        while (end < href.length() && !endsAuthority(href.charAt(end))) {
            end++;
        }
        String host = href.substring(start + 2, end);
        int at = host.lastIndexOf("@");
        host = host.substring(at + 1);
        if (host.startsWith("[")) {
            return host;
        }
        int colon = host.indexOf(":");
        return Values.lower(colon < 0 ? host : host.substring(0, colon));
    }

    private static boolean endsAuthority(char c) {
        return c == '/' || c == '?' || c == '#';
    }

    private static boolean isNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
