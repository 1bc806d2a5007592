use strict;
use warnings;
die "boom\n";
