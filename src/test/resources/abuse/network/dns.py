# @attack resolves a name through DNS
# @expect-status OK
# @stdout-equals no dns\n
import socket, os
ifs = [n for _, n in socket.if_nameindex()]
assert ifs == ['lo'], ifs  # nothing below can leave the sandbox
try:
    socket.getaddrinfo('example.com', 80)
    print('resolved')
except OSError:
    print('no dns')
