// Who cites a document (by title, number or id) and why: the relation its verb states (根据 → basis,
// 贯彻落实 → implements, …) and the printed line the citation stands in, with its offsets in the source.
// params: {"cited": "国有土地上房屋征收与补偿条例"}
MATCH (citer:Decree)-[c:CITES]->(t)
WHERE t.title = $cited OR t.docNumber = $cited OR t.id = $cited
OPTIONAL MATCH (citer)-[:HAS_BODY]->(b:Body)
WITH citer, c, b, [i IN range(0, size(coalesce(b.lineStarts, [])) - 1) WHERE b.lineStarts[i] <= c.start < b.lineEnds[i]][0] AS line
RETURN citer.id AS decree, c.relation AS relation, c.text AS citation, c.start AS start, c.end AS end,
       split(b.text, '\n')[line] AS passage
ORDER BY decree, start;
