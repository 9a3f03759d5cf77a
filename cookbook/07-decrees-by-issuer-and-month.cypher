// How many decrees each issuer published per month, with their types.
// params: {}
MATCH (d:Decree)-[:ISSUED_BY]->(a:Agency)
WHERE d.stub = false AND d.issuedDate IS NOT NULL
RETURN a.name AS issuer, d.issuedDate.year AS year, d.issuedDate.month AS month, count(d) AS decrees, collect(DISTINCT d.docType) AS types
ORDER BY issuer, year, month;
