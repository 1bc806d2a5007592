# @attack listens on a port: it stays inside its own network namespace
# @expect-status OK
# @stdout-equals echo: hi\n
import socket, os
ifs = [n for _, n in socket.if_nameindex()]
assert ifs == ['lo'], ifs  # nothing below can leave the sandbox
srv = socket.socket()
srv.bind(('0.0.0.0', 8080))
srv.listen()
c = socket.create_connection(('127.0.0.1', 8080))
conn, _ = srv.accept()
c.sendall(b'hi')
print('echo:', conn.recv(2).decode())
