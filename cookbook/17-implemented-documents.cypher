// Which documents the corpus implements (贯彻/落实/执行《…》), by whom: central and provincial policy
// turned into local action. Cited documents not in the corpus are stubs with the number and title printed.
// params: {}
MATCH (d:Decree)-[c:CITES {relation: 'implements'}]->(t)
RETURN t.id AS implemented, t.title AS title, t:Law OR t.stub AS notInCorpus, collect(DISTINCT d.id) AS implementers
ORDER BY implemented;
