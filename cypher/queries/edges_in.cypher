// GetEdgesAsync (backward) and the backward traversals' next frontier: the edges entering the given nodes.
MATCH (a:Node)-[r:REQUIRES|USES_TECHNOLOGY|VARIANT_OF|TARGETS|INCLUDES]->(b:Node)
WHERE b.id IN $ids
RETURN a.id AS from, type(r) AS type, b.id AS to, r.sources AS sources, r.group AS group, r.reach AS reach
