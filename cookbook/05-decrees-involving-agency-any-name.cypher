// All decrees involving one agency under any of its names (市城管局, 郑州市城市管理局, …): as issuer,
// in a task, or in an appointment.
// params: {"name": "市城管局"}
MATCH (a:Agency) WHERE a.name = $name OR $name IN a.aliases
CALL (a) {
  MATCH (a)-[r:ASSIGNED]->(:Task)<-[:HAS_TASK]-(d:Decree) RETURN d, r.role AS how
  UNION
  MATCH (d:Decree)-[:ISSUED_BY]->(a) RETURN d, 'issuer' AS how
  UNION
  MATCH (d:Decree)-[:APPOINTS]->(:Appointment)-[:AT]->(a) RETURN d, 'appointment' AS how
}
RETURN d.id AS decree, d.title AS title, collect(DISTINCT how) AS involvement
ORDER BY decree;
