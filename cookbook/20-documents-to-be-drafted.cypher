// Documents a decree says are still to be drafted (研究制订/起草/制定《…》 of a document not yet issued),
// with the sentence that plans them. They are :Planned nodes, never stubs of cited documents; one the
// corpus already holds (drafted since) is cited as that decree.
// params: {}
MATCH (d:Decree)-[c:CITES {relation: 'drafts'}]->(t)
RETURN d.id AS decree, t.title AS planned, t:Planned AS notYetIssued, t.id AS id, c.text AS text, c.start AS start
ORDER BY decree, start;
