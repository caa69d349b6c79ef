package org.wcs.service;

import org.wcs.platform.CookieJar;
import org.wcs.platform.CookieOptions;
import org.wcs.platform.Platform;
import org.wcs.transport.StateCookies;
import org.wcs.value.Value;

/**
 * The site's chat cookies, named and scoped the way Genesys Widgets' cookie helper does: names get a
 * {@code <main.deploymentID>.} prefix when one is configured; cookies are session cookies on {@code path=/}, on the
 * registrable domain ({@code .example.com} for {@code www.example.com}; none on {@code localhost} or an IP address),
 * {@code SameSite=strict}, {@code Secure} on https pages; {@code main.cookieOptions} is applied last.
 */
public final class SiteCookies implements StateCookies {
    private final CookieJar jar;
    private final Value main;
    private final String href;

    public SiteCookies(Platform platform, Value main) {
        this.jar = new CookieJar(platform.cookies, platform.page);
        this.main = main;
        this.href = platform.page.href();
    }

    @Override
    public String name(String name) {
        String id = main.get("deploymentID").str();
        return id == null || id.isEmpty() ? name : id + "." + name;
    }

    @Override
    public String get(String name) {
        return jar.get(name(name));
    }

    @Override
    public void set(String name, String value) {
        jar.set(name(name), value, options());
    }

    @Override
    public void remove(String name) {
        jar.remove(name(name), options());
    }

    CookieOptions options() {
        CookieOptions o = new CookieOptions();
        o.domain = defaultDomain(host(href));
        o.sameSite = "strict";
        o.secure = href.startsWith("https:");
        Value custom = main.get("cookieOptions");
        if (custom.isRecord()) {
            o.domain = custom.get("domain").str(o.domain);
            o.path = custom.get("path").str(o.path);
            o.sameSite = custom.get("sameSite").str(custom.get("samesite").str(o.sameSite));
            o.secure = custom.get("secure").bool(o.secure);
            if (custom.get("expires").isNumber()) {
                o.maxAgeSeconds = (int) (custom.get("expires").num() * 86400);
            }
        }
        return o;
    }

    @Override
    public Value optionsValue() {
        CookieOptions o = options();
        Value v = org.wcs.value.Values.object();
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
        while (end < href.length() && "/?#".indexOf(href.charAt(end)) < 0) {
            end++;
        }
        String host = href.substring(start + 2, end);
        int at = host.lastIndexOf('@');
        host = host.substring(at + 1);
        if (host.startsWith("[")) {
            return host;
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** "." + the registrable domain, or null for single-label hosts and IP addresses. */
    static String defaultDomain(String host) {
        int last = host.lastIndexOf('.');
        if (last < 0 || host.startsWith("[") || isNumeric(host.substring(last + 1))) {
            return null;
        }
        int second = host.lastIndexOf('.', last - 1);
        String sld = host.substring(second + 1, last);
        boolean publicSecondLevel = host.length() - last == 3 && (sld.equals("co") || sld.equals("com")
                || sld.equals("org") || sld.equals("net") || sld.equals("gov") || sld.equals("ac")
                || sld.equals("edu"));
        if (publicSecondLevel && second >= 0) {
            second = host.lastIndexOf('.', second - 1);
        }
        return "." + host.substring(second + 1);
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
