package org.wcs.jvm;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Test-side names of the core's typed constants (they carry none, to keep the bundle small): the field's name. */
public final class ConstantNames {
    private ConstantNames() {
    }

    public static String of(Object constant) {
        for (Field f : constant.getClass().getDeclaredFields()) {
            try {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == constant.getClass()) {
                    f.setAccessible(true);
                    if (f.get(null) == constant) {
                        return f.getName();
                    }
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("not a constant of its class: " + constant);
    }
}
