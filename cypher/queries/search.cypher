// SearchAsync: candidates whose names or aliases contain the text; the store ranks them as the embedded store does.
MATCH (n:Node)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND any(name IN [n.nameZh, n.nameEn] + n.aliases WHERE toLower(name) CONTAINS $text)
RETURN n.body AS body
ORDER BY n.id
LIMIT $limit
