// Full-text search in decree bodies (CJK analyzer: character bigrams, no segmentation), as a phrase: the
// decrees ranked, each with the lines that contain it and where they stand in the source file.
// params: {"q": "大气污染"}
CALL db.index.fulltext.queryNodes('body_text', '"' + $q + '"') YIELD node AS body, score
MATCH (d:Decree)-[:HAS_BODY]->(body)
WITH d, body, score, split(body.text, '\n') AS lines
RETURN d.id AS decree, d.title AS title, round(score, 3) AS score,
       [i IN range(0, size(lines) - 1) WHERE lines[i] CONTAINS $q | {text: lines[i], start: body.lineStarts[i], end: body.lineEnds[i]}] AS passages
ORDER BY score DESC, decree;
