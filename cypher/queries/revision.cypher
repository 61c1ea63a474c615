// The analysis snapshot: the graph's revision, read before and after its node and edge reads (null before any import).
OPTIONAL MATCH (r:Revision {id: 'roadmap'})
RETURN r.value AS revision
