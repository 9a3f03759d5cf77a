// Recurring reports (每月20日前报…, 每季度第一个月5日前报送…): how often, what, and to whom — the recipient
// is not the owner of the task.
// params: {}
MATCH (d:Decree)-[:HAS_DEADLINE]->(x:Deadline)-[:REPORT_TO]->(a:Agency)
WHERE x.every IS NOT NULL
RETURN d.id AS decree, x.every AS every, x.monthOfQuarter AS monthOfQuarter, x.day AS day, x.text AS deadline,
       x.what AS what, collect(a.name) AS recipients, collect(a.aliases) AS recipientAliases
ORDER BY decree, deadline;
