// Money amounts (元) written in each decree, largest first: the text says what each is for.
// params: {"limit": 20}
MATCH (d:Decree)-[:HAS_AMOUNT]->(x:Amount) WHERE x.unit = '元'
RETURN d.id AS decree, x.value AS yuan, x.qualifier AS qualifier, x.text AS text
ORDER BY yuan DESC, decree
LIMIT toInteger($limit);
