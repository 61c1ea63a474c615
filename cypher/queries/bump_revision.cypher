// Import: one more revision of the graph, written in the import's own transaction, so that a reader can tell
// whether its statements all saw the same graph (Neo4j's reads are read-committed, not a snapshot).
MERGE (r:Revision {id: 'roadmap'})
SET r.value = coalesce(r.value, 0) + 1
