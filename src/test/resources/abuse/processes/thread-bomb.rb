# @attack starts threads without end
# @timeoutMs 2000
# @expect-status OK|TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
# @stdout-contains capped
# @max-wall-ms 4000
n = 0
begin
  loop { Thread.new { sleep 30 }; n += 1 }
rescue ThreadError
  puts "capped #{n < 64}"
end
