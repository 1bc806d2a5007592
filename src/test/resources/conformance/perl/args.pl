print join(" ", @ARGV), "\n";
