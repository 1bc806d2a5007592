# @attack looks for the Docker API: the socket and the bridge gateway ports
# @expect-status OK
# @stdout-equals no socket\nno gateway\n
import socket, os
ifs = [n for _, n in socket.if_nameindex()]
assert ifs == ['lo'], ifs  # nothing below can leave the sandbox
print('socket found' if any(os.path.exists(p) for p in ['/var/run/docker.sock', '/run/docker.sock', '/var/run/docker']) else 'no socket')
for port in (2375, 2376):
    try:
        socket.create_connection(('172.17.0.1', port), timeout=1)
        print('gateway reached')
        break
    except OSError:
        pass
else:
    print('no gateway')
