:ok = :io.setopts(:standard_io, binary: true, encoding: :latin1)
IO.binwrite(IO.binread(:stdio, :eof) |> then(fn :eof -> ""; data -> data end))
