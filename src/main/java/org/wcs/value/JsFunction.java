package org.wcs.value;

/** Java code that page scripts can call as a JS function; {@code self} is JS {@code this}. */
public interface JsFunction {
    Value call(Value self, Value[] args);
}
