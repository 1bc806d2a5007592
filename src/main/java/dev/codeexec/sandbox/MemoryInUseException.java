package dev.codeexec.sandbox;

/**
 * A sandbox's memory limit could not be lowered: what it already holds (the compile's output in
 * its memory-backed working directory) is more than the new limit. The program's fault, not the
 * engine's: its run gets MEMORY_LIMIT.
 */
public class MemoryInUseException extends RuntimeException {

    public MemoryInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
