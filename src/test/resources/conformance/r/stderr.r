cat("oops\n", file = stderr())
