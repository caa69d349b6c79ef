package org.wcs.bus;

import org.wcs.util.Arr;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The bus's deferred: jQuery-style, self-contained. Callbacks added after settling run immediately and synchronously;
 * settling runs the matching callbacks in the order they were added. Only the first settle counts.
 */
public final class Deferred implements Promise, Settle {
    public static final String PENDING = "pending", RESOLVED = "resolved", REJECTED = "rejected";
    private static final Value[] NONE = new Value[0];

    private String state = PENDING;
    private Value context;
    private Value[] args = NONE;
    private Arr<Callback> doneList = new Arr<>();
    private Arr<Callback> failList = new Arr<>();
    private final Arr<Callback> progressList = new Arr<>();
    /** JS views, built on first use: the promise view and the full deferred with settle methods. */
    Value view;
    Value full;

    public String state() {
        return state;
    }

    /** The values it was settled with; empty while pending. */
    public Value[] args() {
        return args;
    }

    @Override
    public Deferred done(Callback callback) {
        return add(RESOLVED, doneList, callback);
    }

    @Override
    public Deferred fail(Callback callback) {
        return add(REJECTED, failList, callback);
    }

    public Deferred progress(Callback callback) {
        progressList.add(callback);
        return this;
    }

    private Deferred add(String when, Arr<Callback> list, Callback callback) {
        if (state.equals(when)) {
            run(callback, context, args);
        } else if (state.equals(PENDING)) {
            list.add(callback);
        }
        return this;
    }

    @Override
    public void settle(boolean resolved, Value[] values) {
        settle(resolved ? RESOLVED : REJECTED, null, values);
    }

    public void resolve(Value value) {
        settle(RESOLVED, null, new Value[] {value});
    }

    public void reject(Value reason) {
        settle(REJECTED, null, new Value[] {reason});
    }

    /** Rejects with no value, as the original's loaders do. */
    public void reject() {
        settle(REJECTED, null, NONE);
    }

    public void notify(Value[] values) {
        notifyWith(null, values);
    }

    public void notifyWith(Value self, Value[] values) {
        if (state.equals(PENDING)) {
            Arr<Callback> now = progressList.copy();
            for (int i = 0; i < now.size(); i++) {
                run(now.get(i), self, values);
            }
        }
    }

    /** Settles with {@code self} as the callbacks' {@code this} (null: the deferred's own JS view). */
    public void settle(String to, Value self, Value[] values) {
        if (!state.equals(PENDING)) {
            return;
        }
        state = to;
        context = self;
        args = values;
        Arr<Callback> list = to.equals(RESOLVED) ? doneList : failList;
        doneList = null;
        failList = null;
        for (int i = 0; i < list.size(); i++) {
            run(list.get(i), self, values);
        }
    }

    private void run(Callback c, Value self, Value[] values) {
        c.call(self != null ? self : view != null ? view : Values.undefined(), values);
    }
}
