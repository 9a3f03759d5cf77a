// Who leads (牵头) the most tasks that have a deadline falling due in a given year, with those tasks.
// params: {"year": 2018, "limit": 10}
MATCH (a:Agency)-[:ASSIGNED {role: 'lead'}]->(t:Task)-[:DUE]->(x:Deadline)
WHERE x.dueDate.year = toInteger($year)
RETURN a.name AS agency, count(DISTINCT t) AS tasks, collect(DISTINCT t.heading) AS headings
ORDER BY tasks DESC, agency
LIMIT toInteger($limit);
