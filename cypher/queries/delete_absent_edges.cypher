// Import: remove the relationships that the imported graph no longer has (between nodes it still has).
MATCH (a:Node)-[r:REQUIRES|USES_TECHNOLOGY|VARIANT_OF|TARGETS|INCLUDES]->(b:Node)
WHERE NOT a.id + ' ' + type(r) + ' ' + b.id IN $keys
DELETE r
