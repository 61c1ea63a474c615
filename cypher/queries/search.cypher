// SearchAsync: candidates whose names or aliases contain the text; the store ranks them as the embedded store does.
// coalesce: a node loaded by neo4j-admin with --ignore-empty-strings has no aliases property, and list + null is null.
MATCH (n:Node)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND any(name IN [n.nameZh, n.nameEn] + coalesce(n.aliases, []) WHERE toLower(name) CONTAINS $text)
RETURN n.body AS body
ORDER BY n.id
LIMIT $limit
