// ListNodesAsync: one page of nodes in id order, all kinds or some.
MATCH (n:Node)
WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN n.body AS body
ORDER BY n.id
SKIP $offset
LIMIT $count
