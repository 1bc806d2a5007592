<?php
fwrite(STDERR, "oops\n");
