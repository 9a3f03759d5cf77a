// Recurring obligations (每月/每季度/每年/每周 …前) with who is responsible for them.
// params: {}
MATCH (d:Decree)-[:HAS_DEADLINE]->(x:Deadline) WHERE x.every IS NOT NULL
OPTIONAL MATCH (t:Task)-[:DUE]->(x)
OPTIONAL MATCH (a:Agency)-[:ASSIGNED]->(t)
RETURN d.id AS decree, x.every AS every, x.monthOfQuarter AS monthOfQuarter, x.day AS day, x.weekday AS weekday,
       x.text AS text, collect(DISTINCT a.name) AS agencies
ORDER BY decree, text;
