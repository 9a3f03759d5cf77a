// Citations whose cited title and number name different documents: worth a human look.
// params: {}
MATCH (d:Decree)-[c:CITES]->(t) WHERE c.conflict IS NOT NULL
RETURN d.id AS decree, t.id AS cited, c.text AS text, c.conflict AS conflict
ORDER BY decree;
