// What a decree cites that is not in the corpus: decrees known only as stubs, and laws.
// params: {"id": "郑政〔2018〕19号"}
MATCH (:Decree {id: $id})-[c:CITES]->(t)
WHERE t:Law OR t.stub = true
RETURN DISTINCT t.id AS cited, coalesce(t.title, '') AS title, CASE WHEN t:Law THEN 'law' ELSE 'decree (stub)' END AS kind, c.relation AS relation
ORDER BY cited, relation;
