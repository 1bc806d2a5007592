# @attack connects out over TCP (only tried once the sandbox is known to have no route)
# @expect-status OK
# @stdout-equals no route: ENETUNREACH\n
import socket, os
ifs = [n for _, n in socket.if_nameindex()]
assert ifs == ['lo'], ifs  # nothing below can leave the sandbox
import errno
assert open('/proc/net/route').read().count('\n') == 1  # header only
try:
    socket.create_connection(('192.0.2.1', 80), timeout=1)
    print('connected')
except OSError as e:
    print('no route:', errno.errorcode.get(e.errno, e))
