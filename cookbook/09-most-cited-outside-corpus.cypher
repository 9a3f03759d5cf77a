// The most cited decrees and laws that are not in the corpus: what to collect next (documents only planned
// to be drafted do not count: they do not exist yet).
// params: {"limit": 20}
MATCH (citer:Decree)-[c:CITES]->(t)
WHERE (t:Law OR t.stub = true) AND c.relation <> 'drafts'
RETURN t.id AS cited, t.title AS title, count(DISTINCT citer) AS citedBy, collect(DISTINCT citer.id) AS citers
ORDER BY citedBy DESC, cited
LIMIT toInteger($limit);
