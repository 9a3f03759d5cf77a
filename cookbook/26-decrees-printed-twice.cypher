// Decrees printed by more than one input (a gazette and its web page, a corrected re-issue): every
// source with its format and where the record stands, and which one the graph holds (`chosen`: the
// printed text over a web page, then the later date, then the path). One row per decree.
// params: {}
MATCH (g:Gazette)-[c:CONTAINS]->(d:Decree)
WITH d, g, c ORDER BY c.chosen DESC, g.path, c.start
WITH d, collect({path: g.path, format: c.format, start: c.start, chosen: c.chosen}) AS sources
WHERE size(sources) > 1
RETURN d.id AS decree, d.title AS title, sources[0].path AS chosen, [s IN sources[1..] | s.path + ' (' + s.format + ')'] AS alsoIn
ORDER BY decree;
