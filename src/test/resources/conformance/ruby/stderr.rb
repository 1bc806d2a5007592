$stderr.puts "oops"
