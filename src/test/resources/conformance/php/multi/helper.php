<?php
function answer(): int
{
    return 6 * 7;
}
