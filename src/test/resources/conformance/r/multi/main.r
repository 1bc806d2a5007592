source("helper.r")
cat(answer(), "\n", sep = "")
