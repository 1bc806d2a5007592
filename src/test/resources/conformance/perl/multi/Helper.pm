package Helper;
use strict;
use warnings;
sub answer { return 6 * 7; }
1;
