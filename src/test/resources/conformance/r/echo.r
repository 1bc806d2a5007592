con <- file("stdin", "rb")
repeat {
  chunk <- readBin(con, "raw", 65536)
  if (length(chunk) == 0) break
  cat(rawToChar(chunk))
}
close(con)
