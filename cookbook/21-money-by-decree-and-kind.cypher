// Money (元) per decree and kind — budget, subsidy, threshold, estimate, other — summed only where a sum
// means something: rates (per person, per month, per kW …) are never added up, they are listed apart.
// params: {"limit": 50}
MATCH (d:Decree)-[:HAS_AMOUNT]->(x:Amount) WHERE x.unit = '元'
WITH d, x.kind AS kind, x.per IS NOT NULL OR x.kind = 'rate' AS isRate, collect(x) AS xs
RETURN d.id AS decree, kind,
       CASE WHEN isRate THEN null ELSE reduce(s = 0.0, x IN xs | s + x.value) END AS yuan,
       size(xs) AS amounts, [x IN xs | x.text][0..5] AS examples
ORDER BY yuan DESC, decree, kind
LIMIT toInteger($limit);
