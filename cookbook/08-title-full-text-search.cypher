// Full-text search in titles (CJK analyzer: no segmentation needed), best matches first.
// params: {"q": "清洁取暖"}
CALL db.index.fulltext.queryNodes('decree_title', $q) YIELD node, score
WHERE node.stub = false
RETURN node.id AS decree, node.title AS title, round(score, 3) AS score
ORDER BY score DESC, decree;
