// What one agency (by name or alias) must do by a date: deadlines (not targets) of the tasks it leads or
// is responsible for, with the sentence each governs.
// params: {"agency": "市城管局", "by": "2018-12-31"}
MATCH (a:Agency)-[r:ASSIGNED]->(t:Task)-[:DUE]->(x:Deadline {kind: 'deadline'})
WHERE (a.name = $agency OR $agency IN a.aliases) AND x.dueDate <= date($by)
MATCH (d:Decree)-[:HAS_TASK]->(t)
RETURN x.dueDate AS due, r.role AS role, t.heading AS task, x.what AS what, d.id AS decree
ORDER BY due, decree, task;
