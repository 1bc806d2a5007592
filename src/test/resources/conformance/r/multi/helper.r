answer <- function() 6L * 7L
