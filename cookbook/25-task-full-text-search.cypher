// Full-text search in task headings (CJK analyzer, as a phrase): the tasks about a subject, with their
// decree and who leads them.
// params: {"q": "垃圾"}
CALL db.index.fulltext.queryNodes('task_heading', '"' + $q + '"') YIELD node AS t, score
MATCH (d:Decree)-[:HAS_TASK]->(t)
RETURN d.id AS decree, t.heading AS task, round(score, 3) AS score,
       COLLECT { MATCH (a:Agency)-[:ASSIGNED {role: 'lead'}]->(t) RETURN a.name ORDER BY a.name } AS leads
ORDER BY score DESC, decree, task;
