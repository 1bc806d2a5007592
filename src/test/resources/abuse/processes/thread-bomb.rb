# @attack starts threads without end
# @timeoutMs 2000
# @expect-status OK|TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
# @stdout-contains capped
# @hang-guard-ms 12000
n = 0
begin
  loop { Thread.new { sleep 30 }; n += 1 }
rescue ThreadError
  puts "capped #{n < 64}"
end
