// Tasks of one agency (by canonical name or any alias) with deadlines falling in a date range.
// params: {"agency": "市发展改革委", "from": "2018-01-01", "to": "2018-12-31"}
MATCH (a:Agency)-[r:ASSIGNED]->(t:Task)-[:HAS_DEADLINE]->(x:Deadline)
WHERE (a.name = $agency OR $agency IN a.aliases) AND x.dueDate >= date($from) AND x.dueDate <= date($to)
MATCH (d:Decree)-[:HAS_TASK]->(t)
RETURN x.dueDate AS due, x.text AS deadline, r.role AS role, t.heading AS task, d.id AS decree
ORDER BY due, decree, task;
