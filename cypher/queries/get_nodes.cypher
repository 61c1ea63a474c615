// GetNodesAsync: the nodes with the given ids (unknown ids are simply absent).
MATCH (n:Node)
WHERE n.id IN $ids
RETURN n.body AS body
