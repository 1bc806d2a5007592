# @attack looks for any capability it could use or get back through an exec (bounding set included)
# @expect-status OK
# @stdout-equals CapInh 0000000000000000\nCapPrm 0000000000000000\nCapEff 0000000000000000\nCapBnd 0000000000000000\nCapAmb 0000000000000000\n
for line in open('/proc/self/status'):
    key, _, value = line.partition(':')
    if key.startswith('Cap'):
        print(key, value.strip())
