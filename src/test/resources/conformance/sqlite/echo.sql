SELECT line FROM input ORDER BY rowid;
