# @attack reads lines when none are given
# @expect-status OK
# @stdout-equals nil\n
# @hang-guard-ms 10000
p STDIN.gets
