// Appointments and removals (任免) by agency, with post and date.
// params: {}
MATCH (d:Decree)-[:APPOINTS]->(x:Appointment)-[:AT]->(a:Agency), (x)-[:OF]->(p:Person)
RETURN a.name AS agency, x.action AS action, p.name AS person, x.post AS post, x.date AS date, d.id AS decree
ORDER BY agency, action, person, post;
