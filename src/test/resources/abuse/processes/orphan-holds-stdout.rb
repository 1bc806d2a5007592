# @attack an orphan keeps writing to stdout after the main program exits
# @timeoutMs 3000
# @expect-status OK
# @hang-guard-ms 10000
# @stdout-contains parent done
$stdout.sync = true
fork { loop { puts 'orphan'; sleep 0.1 } }
puts 'parent done'
