# @attack none: ordinary things the profile must keep working (threads through glibc's clone3 fallback, fork, subprocess, local sockets, netlink interface listing)
# @expect-status OK
# @stdout-equals threads 8\nfork 0\nsubprocess child\nsocketpair ok\nloopback tcp ok\nipv6 socket ok\ninterfaces ['lo']\nasyncio ok\nmultiprocessing [1, 4, 9]\n
import asyncio, multiprocessing, os, socket, subprocess, threading
done = []
ts = [threading.Thread(target=done.append, args=(i,)) for i in range(8)]
[t.start() for t in ts]
[t.join() for t in ts]
print('threads', len(done))
pid = os.fork()
if pid == 0:
    os._exit(0)
print('fork', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print('subprocess', subprocess.run(['/bin/echo', 'child'], capture_output=True, text=True).stdout.strip())
a, b = socket.socketpair()
a.sendall(b'x')
print('socketpair', 'ok' if b.recv(1) == b'x' else 'broken')
srv = socket.create_server(('127.0.0.1', 0))
c = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()
c.sendall(b'y')
print('loopback tcp', 'ok' if conn.recv(1) == b'y' else 'broken')
socket.socket(socket.AF_INET6, socket.SOCK_STREAM).close()
print('ipv6 socket ok')
print('interfaces', [n for _, n in socket.if_nameindex()])  # a NETLINK_ROUTE socket

async def main():
    await asyncio.sleep(0)
    return 'ok'
print('asyncio', asyncio.run(main()))  # its self-pipe is a socketpair
def square(x):
    return x * x
with multiprocessing.get_context('fork').Pool(2) as pool:
    print('multiprocessing', pool.map(square, [1, 2, 3]))
