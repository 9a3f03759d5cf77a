// Which agencies lead the most tasks (牵头单位), with the decrees those tasks come from.
// params: {"limit": 10}
MATCH (a:Agency)-[:ASSIGNED {role: 'lead'}]->(t:Task)<-[:HAS_TASK]-(d:Decree)
RETURN a.name AS agency, count(DISTINCT t) AS tasksLed, collect(DISTINCT d.id) AS decrees
ORDER BY tasksLed DESC, agency
LIMIT toInteger($limit);
