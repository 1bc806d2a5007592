print STDERR "oops\n";
