CREATE TABLE answer AS SELECT 6 * 7 AS value;
