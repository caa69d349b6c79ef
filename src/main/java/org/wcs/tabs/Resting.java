package org.wcs.tabs;

import org.wcs.platform.Cancellable;
import org.wcs.platform.Scheduler;
import org.wcs.transport.Transport;
import org.wcs.util.Arr;

/**
 * The leader's record of which tabs are visible, and the resting of the one real transport while none is
 * ({@link Transport#rest}): each tab says whether it is visible when it opens, when that changes and when a new leader
 * asks (its {@link TabWire#LEADER} message), and says goodbye when it goes. With tabs not shared the only tab is this
 * one, and its own visibility decides.
 *
 * <p>Silent by design: the service's {@code sleeping} and {@code waking} events stay tied to {@code sleepEnabled}.
 */
final class Resting {
    /**
     * How long no tab is visible before the transport rests. Switching from one tab of the site to another hides the
     * first before the second says it is shown: a rest and a wake for that moment would cost a poll for nothing.
     */
    static final int AFTER_MS = 1000;

    private final TabHub hub;
    private final Scheduler scheduler;
    /** The ids of the tabs that said they are visible. */
    private final Arr<String> visible = new Arr<>();
    private boolean resting;
    /** The tab that ticks for this hidden leader, or null. */
    private String pacer;
    private Cancellable timer;

    Resting(TabHub hub, Scheduler scheduler) {
        this.hub = hub;
        this.scheduler = scheduler;
    }

    /** {@code tab} is visible ({@code shown}), hidden, or gone (not shown). */
    void seen(String tab, boolean shown) {
        int at = visible.indexOf(tab);
        if (shown && at < 0) {
            visible.add(tab);
        } else if (!shown && at >= 0) {
            visible.remove(at);
        }
        pace();
        if (!visible.isEmpty()) {
            timer = Cancellable.cancel(timer);
            if (resting) {
                resting = false;
                hub.real.rest(false); // the transport reads at once
            }
        } else if (!resting && timer == null) {
            timer = scheduler.schedule(AFTER_MS, () -> {
                timer = null;
                if (visible.isEmpty() && !resting) {
                    resting = true;
                    hub.real.rest(true);
                }
            });
        }
    }

    /**
     * While this leader's tab is hidden and another is visible, the visible one paces the leader: the browser holds a
     * hidden tab's timers back (Chrome: to once a second, and after five minutes hidden to once a minute), but not
     * the messages it gets. One visible tab is asked to tick ({@link TabWire#PACE}); none when the leader is visible.
     */
    private void pace() {
        String next = visible.isEmpty() || visible.indexOf(hub.localId()) >= 0 ? null : visible.get(0);
        if (next == null ? pacer != null : !next.equals(pacer)) {
            pacer = next;
            hub.pace(next);
        }
    }

    /**
     * This tab stepped down: the new leader hears every tab's visibility anew (its {@link TabWire#LEADER}), and so
     * will this one if it leads again. The tab that paced it stops on that message too (TabClient.follow), so a
     * later lead here asks for ticks anew, even of the same tab.
     */
    void drop() {
        timer = Cancellable.cancel(timer);
        visible.clear();
        pacer = null;
    }

    /** The back end of a new configuration rests as the one before it did. */
    void adopt(Transport transport) {
        if (resting) {
            transport.rest(true);
        }
    }
}
