// Documents a decree says are still to be drafted (研究制订/起草/制定《…》 of a document not yet issued),
// with the sentence that plans them. When one is issued and loaded, its title stub becomes it.
// params: {}
MATCH (d:Decree)-[c:CITES {relation: 'drafts'}]->(t:Decree)
RETURN d.id AS decree, t.title AS planned, t.stub AS notYetIssued, c.text AS text, c.start AS start
ORDER BY decree, start;
