package dev.codeexec.sandbox.docker;

import dev.codeexec.sandbox.LiveRun;

/** A live step's input and signals, as launcher commands on its container's stdin. */
record LivePort(StdinChannel stdin) implements LiveRun.Port {

    @Override
    public void stdin(byte[] data) {
        stdin.send(LauncherProtocol.stdin(data));
    }

    @Override
    public void endOfInput() {
        stdin.send(LauncherProtocol.endOfInput());
    }

    @Override
    public void signal(int number) {
        stdin.send(LauncherProtocol.signal(number));
    }
}
