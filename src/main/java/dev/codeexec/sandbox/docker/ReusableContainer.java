package dev.codeexec.sandbox.docker;

/** A throughput worker: its container, how many requests it has served, and since when (nanoTime) it exists. */
record ReusableContainer(PreparedContainer container, int served, long since) implements IdleContainer {
}
