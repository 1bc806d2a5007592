# @attack asks the cloud metadata service (169.254.169.254)
# @expect-status OK
# @stdout-equals unreachable\n
import socket, os
ifs = [n for _, n in socket.if_nameindex()]
assert ifs == ['lo'], ifs  # nothing below can leave the sandbox
try:
    socket.create_connection(('169.254.169.254', 80), timeout=1)
    print('reached')
except OSError:
    print('unreachable')
