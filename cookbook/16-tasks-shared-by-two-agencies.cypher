// Tasks two agencies (canonical name or any alias) are both assigned to, with each one's role.
// params: {"a": "市城管局", "b": "市公安局"}
MATCH (x:Agency)-[rx:ASSIGNED]->(t:Task)<-[ry:ASSIGNED]-(y:Agency)
WHERE (x.name = $a OR $a IN x.aliases) AND (y.name = $b OR $b IN y.aliases)
MATCH (d:Decree)-[:HAS_TASK]->(t)
RETURN d.id AS decree, t.heading AS task, rx.role AS roleA, ry.role AS roleB
ORDER BY decree, task;
