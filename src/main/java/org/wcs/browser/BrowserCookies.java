package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.wcs.platform.Cookies;

/** {@code document.cookie}, raw: encoding and attributes are the core's business. */
final class BrowserCookies implements Cookies {
    @Override
    public String get(String name) {
        return read(name);
    }

    /** {@code document.cookie} throws in a sandboxed iframe: that reads as no cookie (and writes as none kept). */
    @JSBody(params = "n", script = "try{var $a=document.cookie?document.cookie.split('; '):[];"
            + "for(var $i=0;$i<$a.length;$i++){var $j=$a[$i].indexOf('=');"
            + "if($a[$i].substring(0,$j)===n)return $a[$i].substring($j+1);}}catch($e){}return null;")
    private static native String read(String name);

    @Override
    public void set(String name, String value, String attributes) {
        write(name, value, attributes);
    }

    @JSBody(params = {"n", "v", "a"}, script = "try{document.cookie=n+'='+v+a;}catch($e){}")
    private static native void write(String name, String value, String attributes);
}
