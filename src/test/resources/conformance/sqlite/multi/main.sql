.read answer.sql
SELECT value FROM answer;
