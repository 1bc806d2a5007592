# code-exec's Python REPL kernel: one per session context, cells in, events out.
# Cells come on stdin as JSON lines {"code": ...}; events go out as JSON lines on the kernel's own
# copy of stdout: {"t": "out"|"err", "s": text}, {"t": "result", "text": repr}, {"t": "png", "data":
# base64}, {"t": "error", "name", "value", "traceback"}, then {"t": "done"} after every cell. The
# cell's own fd 1 (a subprocess, os.write) goes to stderr, so nothing it writes can pass for an event.
import ast, base64, io, json, os, sys, traceback

_proto = os.dup(1)
_cells = os.fdopen(os.dup(0), "rb")
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.dup2(2, 1)
os.close(_null)


def _send(**event):
    data = (json.dumps(event) + "\n").encode()
    while data:
        data = data[os.write(_proto, data):]


class _Stream(io.TextIOBase):
    def __init__(self, kind):
        self.kind = kind

    def writable(self):
        return True

    def write(self, s):
        if s:
            _send(t=self.kind, s=s)
        return len(s)


sys.stdout, sys.stderr, sys.stdin = _Stream("out"), _Stream("err"), io.StringIO("")
_ns = {"__name__": "__main__", "__builtins__": __builtins__}


def _figures():
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None:
        return
    for num in plt.get_fignums():
        fig = plt.figure(num)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        plt.close(fig)
        _send(t="png", data=base64.b64encode(buf.getvalue()).decode())


def _cell(code):
    tree = ast.parse(code, "<cell>", "exec")
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), _ns)
    if last is not None:
        value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), _ns)
        if value is not None:
            _send(t="result", text=repr(value))
    _figures()


for _line in _cells:
    try:
        _cell(json.loads(_line)["code"])
    except BaseException as e:  # the cell's own failure, SystemExit and ^C included: the state stays
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != "<cell>":
            tb = tb.tb_next
        text = "".join(traceback.format_exception(type(e), e, tb))
        _send(t="error", name=type(e).__name__, value=str(e), traceback=text)
    try:
        sys.stdout.flush()
    except BaseException:
        pass
    _send(t="done")
