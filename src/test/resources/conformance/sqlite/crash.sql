SELECT * FROM no_such_table;
SELECT 'not reached';
