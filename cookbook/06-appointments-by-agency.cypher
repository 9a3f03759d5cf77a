// Appointments and removals (任免) by agency, with post and date.
// params: {}
MATCH (p:Person)-[h:HOLDS]->(a:Agency)
RETURN a.name AS agency, h.action AS action, p.name AS person, h.post AS post, h.date AS date, h.decree AS decree
ORDER BY agency, action, person, post;
