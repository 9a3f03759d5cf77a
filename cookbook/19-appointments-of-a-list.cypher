// One 任免 list by its id (任免:<issuer>:<date>): who was appointed to or removed from which post where.
// params: {"id": "任免:郑州市人民政府:2018-04-10"}
MATCH (d:Decree {id: $id})-[:APPOINTS]->(x:Appointment)-[:OF]->(p:Person), (x)-[:AT]->(a:Agency)
RETURN p.name AS person, x.action AS action, x.post AS post, a.name AS agency, x.date AS date, x.start AS start
ORDER BY start, post;
