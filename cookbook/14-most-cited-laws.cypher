// The laws and regulations (…法, …条例) cited by the most decrees, with who cites them.
// params: {"limit": 10}
MATCH (citer:Decree)-[:CITES]->(l:Law)
RETURN l.title AS law, l.docNumber AS number, count(DISTINCT citer) AS citedBy, collect(DISTINCT citer.id) AS citers
ORDER BY citedBy DESC, law
LIMIT toInteger($limit);
