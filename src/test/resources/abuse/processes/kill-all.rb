# @attack kill(-1, SIGKILL): signals every process it may; only its own sandbox's are in reach
# @expect-status OK
# @stdout-equals own child killed, caller survived\n
child = fork { sleep 60 }
sleep 0.2
Process.kill(:KILL, -1)
Process.wait(child)
print($?.termsig == 9 ? 'own child killed' : 'child lived', ', ')
puts 'caller survived'
