package org.wcs.transport;

import org.wcs.platform.Page;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * {@code application/x-www-form-urlencoded} bodies the way jQuery's {@code $.param} writes them (non-traditional):
 * {@code encodeURIComponent} keys and values (space is {@code %20}), nested objects as {@code a[b]=v}, arrays of
 * primitives as {@code a[]=v}, arrays of objects with numeric indexes, null and undefined as empty strings, and
 * fields in insertion order.
 */
public final class Form {
    private final Page page;
    private final StringBuilder out = new StringBuilder();

    public Form(Page page) {
        this.page = page;
    }

    /** Adds a string field. */
    public Form add(String key, String value) {
        out.append(out.length() > 0 ? "&" : "").append(page.encodeUri(key)).append('=')
                .append(page.encodeUri(value == null ? "" : value));
        return this;
    }

    /** Adds a field of any JS value, recursing into objects and arrays. */
    public Form add(String key, Value value) {
        if (value.isArray()) {
            for (int i = 0; i < value.length(); i++) {
                Value item = value.at(i);
                add(key + "[" + (item.isObject() ? Values.numberToString(i) : "") + "]", item);
            }
        } else if (value.isObject()) {
            for (String k : value.keys()) {
                add(key + "[" + k + "]", value.get(k));
            }
        } else if (!value.isFunction()) {
            add(key, value.isNullish() ? "" : Values.text(value));
        }
        return this;
    }

    /** Adds every own key of {@code fields}. */
    public Form addAll(Value fields) {
        for (String k : fields.keys()) {
            add(k, fields.get(k));
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** The body {@code jQuery.ajax} sends: as {@link #toString}, with every {@code %20} turned into {@code +}. */
    public String body() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < out.length(); i++) {
            boolean space = out.charAt(i) == '%' && out.charAt(i + 1) == '2' && out.charAt(i + 2) == '0';
            sb.append(space ? '+' : out.charAt(i));
            i += space ? 2 : 0;
        }
        return sb.toString();
    }
}
