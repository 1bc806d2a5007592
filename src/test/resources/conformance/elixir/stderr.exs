IO.puts(:stderr, "oops")
