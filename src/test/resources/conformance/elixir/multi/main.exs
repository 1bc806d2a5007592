Code.require_file("answer.exs", __DIR__)
IO.puts(Answer.value())
