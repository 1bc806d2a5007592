.output /dev/stderr
SELECT 'oops';
