package dev.codeexec.sandbox.docker;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The throughput workers of one kind (image and the limits a running container cannot change): the
 * idle ones, how many exist and how many are being reset.
 */
final class KindPool {
    final ConcurrentLinkedDeque<ReusableContainer> idle = new ConcurrentLinkedDeque<>();
    final AtomicInteger count = new AtomicInteger();
    final AtomicInteger resetting = new AtomicInteger();

    /** Waits (at most the bound) for a container being reset to come back, rather than starting another. */
    synchronized ReusableContainer awaitIdle(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        ReusableContainer w = idle.pollFirst();
        while (w == null && resetting.get() > 0 && System.nanoTime() < end) {
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            w = idle.pollFirst();
        }
        return w;
    }

    /** Removes and returns the idle workers that died or are older than maxAge (nanoseconds). */
    List<ReusableContainer> takeStale(long now, long maxAge) {
        return IdleContainer.takeStale(idle, now, maxAge);
    }

    synchronized void back(ReusableContainer w) {
        idle.addFirst(w);
        notifyAll();
    }
}
