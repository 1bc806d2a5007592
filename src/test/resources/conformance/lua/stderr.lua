io.stderr:write("oops\n")
