// The whole-graph analyses work on a snapshot: every edge.
MATCH (a:Node)-[r:REQUIRES|USES_TECHNOLOGY|VARIANT_OF|TARGETS|INCLUDES]->(b:Node)
RETURN a.id AS from, type(r) AS type, b.id AS to, r.sources AS sources, r.group AS group, r.reach AS reach
