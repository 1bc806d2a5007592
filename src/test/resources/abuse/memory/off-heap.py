# @attack anonymous mmap pages, touched one by one
# @expect-status MEMORY_LIMIT
# @hang-guard-ms 12000
import mmap
maps = []
while True:
    m = mmap.mmap(-1, 1 << 24)
    for i in range(0, 1 << 24, 4096):
        m[i] = 1
    maps.append(m)
