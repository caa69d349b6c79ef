package org.wcs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.transport.Form;
import org.wcs.value.Values;

/** Form bodies byte for byte as jQuery 3's $.param writes them (spec gms-v2 §2.2). */
class FormTest {
    private final JvmPlatform tab = new JvmPlatform();

    @Test
    void nestedObjectsArraysAndEmptyValues() {
        String body = new Form(tab.page).add("alias", "").add("subject", "Billing question")
                .add("userData", Js.obj("key1", "v 1", "n", 3, "b", true, "none", Values.nul(),
                        "deep", Js.obj("x", "y"), "list", Js.arr("a", "b"), "objs", Js.arr(Js.obj("k", "v"))))
                .add("email", "ada@example.org").toString();
        assertEquals("alias=&subject=Billing%20question&userData%5Bkey1%5D=v%201&userData%5Bn%5D=3"
                + "&userData%5Bb%5D=true&userData%5Bnone%5D=&userData%5Bdeep%5D%5Bx%5D=y"
                + "&userData%5Blist%5D%5B%5D=a&userData%5Blist%5D%5B%5D=b&userData%5Bobjs%5D%5B0%5D%5Bk%5D=v"
                + "&email=ada%40example.org", body);
    }
}
