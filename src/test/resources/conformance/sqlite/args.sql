SELECT group_concat(value, ' ') FROM (SELECT value FROM args ORDER BY rowid);
