# code-exec: a Python interpreter started ahead of its program (see launcher.c, --preload). It has
# imported nothing of the program's; when the launcher writes the run command's argv
# ("python3 FILE ARGS...", NUL-terminated) on fd 3, it runs FILE as `python3 FILE ARGS...` would:
# in the __main__ module (its globals reset to what a script gets), with that sys.argv and
# sys.path[0], the same traceback (the program's frames only) and exit code (or SIGINT) when it fails.
import os
import signal
import sys


def _main():
    data = b''
    while True:
        chunk = os.read(3, 65536)
        if not chunk:
            break
        data += chunk
    os.close(3)
    argv = [os.fsdecode(a) for a in data.split(b'\0')[:-1]]
    script = os.path.abspath(argv[1])
    sys.argv[:] = argv[1:]
    sys.path[0] = os.path.dirname(script)
    with open(script, 'rb') as f:
        code = compile(f.read(), script, 'exec', dont_inherit=True)
    module = sys.modules['__main__']
    loader = type(module.__loader__)('__main__', script)
    builtins = module.__builtins__
    excepthook, exit_ = sys.excepthook, sys.exit
    flush, interrupt = (sys.stdout.flush, sys.stderr.flush), (signal.signal, os.kill, os.getpid())
    namespace = module.__dict__
    namespace.clear()
    namespace.update(__name__='__main__', __doc__=None, __package__=None, __loader__=loader, __spec__=None,
                     __annotations__={}, __builtins__=builtins, __file__=script, __cached__=None)
    try:
        exec(code, namespace)
    except SystemExit:
        raise
    except BaseException as e:
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != script:
            tb = tb.tb_next
        excepthook(type(e), e.with_traceback(tb), tb)
        if isinstance(e, KeyboardInterrupt):
            # As python3 itself ends on an uncaught ^C: killed by SIGINT, so the wait status says so.
            # (The module's globals are the program's now: only locals are left to the loader.)
            for f in flush:
                f()
            set_handler, kill, pid = interrupt
            set_handler(2, 0)  # SIGINT, SIG_DFL
            kill(pid, 2)
        exit_(1)


_main()
