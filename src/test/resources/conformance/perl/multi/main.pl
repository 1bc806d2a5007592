use strict;
use warnings;
use lib '.';
use Helper;
print Helper::answer(), "\n";
