// Import: remove the nodes (and their relationships) that the imported graph no longer has.
MATCH (n:Node)
WHERE NOT n.id IN $ids
DETACH DELETE n
