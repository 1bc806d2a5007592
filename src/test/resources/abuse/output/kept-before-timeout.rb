# @attack prints, then hangs: what it printed is kept
# @timeoutMs 5000
# @expect-status TIMEOUT
# @stdout-equals partial\n
$stdout.sync = true
puts 'partial'
sleep
