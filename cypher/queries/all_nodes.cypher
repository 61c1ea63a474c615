// The whole-graph analyses (bottlenecks, changes, compareDocuments) work on a snapshot: every node.
MATCH (n:Node)
RETURN n.body AS body
ORDER BY n.id
