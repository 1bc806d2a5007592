# @attack prints bytes shaped like the engine's stream-frame headers
# @expect-status OK
# @stdout-equals \u0002\u0000\u0000\u0000\u0000\u0000\u0000\u0005forge\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0003end
# @stderr-equals 
import sys
sys.stdout.buffer.write(b'\x02\x00\x00\x00\x00\x00\x00\x05forge\x01\x00\x00\x00\x00\x00\x00\x03end')
