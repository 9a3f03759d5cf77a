// The most cited decrees and laws that are not in the corpus: what to collect next.
// params: {"limit": 20}
MATCH (citer:Decree)-[:CITES]->(t)
WHERE t:Law OR t.stub = true
RETURN t.id AS cited, t.title AS title, count(DISTINCT citer) AS citedBy, collect(DISTINCT citer.id) AS citers
ORDER BY citedBy DESC, cited
LIMIT toInteger($limit);
