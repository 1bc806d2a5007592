# @attack starts threads without end
# @timeoutMs 10000
# @expect-status OK
# @stdout-contains capped true
# @repeat 2
# @hang-guard-ms 30000
n = 0
begin
  loop { Thread.new { sleep 30 }; n += 1 }
rescue ThreadError
  puts "capped #{n < 64}"
end
