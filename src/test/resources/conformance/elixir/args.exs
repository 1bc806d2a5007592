IO.puts(Enum.join(System.argv(), " "))
