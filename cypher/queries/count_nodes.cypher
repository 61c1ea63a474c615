// ListNodesAsync: how many nodes match, for the connection's totalCount.
MATCH (n:Node)
WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN count(n) AS total
