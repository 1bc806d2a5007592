# @attack reads lines when none are given
# @expect-status OK
# @stdout-equals nil\n
# @max-wall-ms 2000
p STDIN.gets
