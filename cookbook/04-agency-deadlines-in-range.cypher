// Tasks of one agency (by canonical name or any alias) with deadlines falling in a date range. dueDate is
// the last day a deadline allows (2018年4月前 → 2018-04-30, 2018年底前 → 2018-12-31); precision says what was printed.
// params: {"agency": "市发展改革委", "from": "2018-01-01", "to": "2018-12-31"}
MATCH (a:Agency)-[r:ASSIGNED]->(t:Task)-[:DUE]->(x:Deadline)
WHERE (a.name = $agency OR $agency IN a.aliases) AND x.dueDate >= date($from) AND x.dueDate <= date($to)
MATCH (d:Decree)-[:HAS_TASK]->(t)
RETURN x.dueDate AS due, x.precision AS precision, x.text AS deadline, r.role AS role, t.heading AS task, d.id AS decree
ORDER BY due, decree, task;
