// Targets to reach by a year (到2020年…达到…), kept apart from deadlines: the year and the measure as printed.
// params: {"year": 2020}
MATCH (d:Decree)-[:HAS_DEADLINE]->(x:Deadline {kind: 'target'})
WHERE x.dueDate.year = toInteger($year)
RETURN d.id AS decree, x.text AS by, x.what AS target, x.start AS start
ORDER BY decree, start;
