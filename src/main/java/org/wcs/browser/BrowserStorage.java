package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.wcs.platform.Storage;

/** {@code localStorage}; a browser that refuses storage (private mode, policy) reads as empty. */
final class BrowserStorage implements Storage {
    @Override
    public String get(String key) {
        return getItem(key);
    }

    @JSBody(params = "k", script = "try{return localStorage.getItem(k);}catch($e){return null;}")
    private static native String getItem(String k);

    @Override
    public void set(String key, String value) {
        setItem(key, value);
    }

    @JSBody(params = {"k", "v"}, script = "try{localStorage.setItem(k,v);}catch($e){}")
    private static native void setItem(String k, String v);

    @Override
    public void remove(String key) {
        removeItem(key);
    }

    @JSBody(params = "k", script = "try{localStorage.removeItem(k);}catch($e){}")
    private static native void removeItem(String k);
}
