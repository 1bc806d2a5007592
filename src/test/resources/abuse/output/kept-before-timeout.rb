# @attack prints, then hangs: what it printed is kept
# @timeoutMs 1000
# @expect-status TIMEOUT
# @stdout-equals partial\n
$stdout.sync = true
puts 'partial'
sleep
