// Which decrees cite a decree, directly or through a chain of citations (up to 5 steps), nearest first.
// params: {"id": "郑政〔2018〕25号"}
MATCH p = (citer:Decree)-[:CITES*1..5]->(:Decree {id: $id})
WHERE citer.stub = false AND NOT citer.id = $id
RETURN citer.id AS decree, citer.title AS title, min(length(p)) AS steps
ORDER BY steps, decree;
