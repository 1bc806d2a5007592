cat(paste(commandArgs(trailingOnly = TRUE), collapse = " "), "\n", sep = "")
