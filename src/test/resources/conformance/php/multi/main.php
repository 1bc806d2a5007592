<?php
require __DIR__ . '/helper.php';
echo answer(), "\n";
