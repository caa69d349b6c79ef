package org.wcs.sandbox.purecloud;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Scheduler;

/** The emulator's clock on a real server: wall time and one daemon timer thread. */
final class RealTime implements Scheduler {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "purecloud-emulator-timer");
        t.setDaemon(true);
        return t;
    });

    @Override
    public double now() {
        return System.currentTimeMillis();
    }

    @Override
    public Cancellable schedule(int delayMs, Runnable task) {
        ScheduledFuture<?> f = timer.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
