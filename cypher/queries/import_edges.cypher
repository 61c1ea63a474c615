// Import: one batch of edges, MERGEd between existing nodes; relationship types cannot be parameters either.
UNWIND $edges AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
FOREACH (_ IN CASE WHEN row.type = 'REQUIRES' THEN [1] ELSE [] END |
  MERGE (a)-[r:REQUIRES]->(b) SET r.sources = row.sources, r.group = row.group, r.reach = row.reach)
FOREACH (_ IN CASE WHEN row.type = 'USES_TECHNOLOGY' THEN [1] ELSE [] END |
  MERGE (a)-[r:USES_TECHNOLOGY]->(b) SET r.sources = row.sources, r.group = row.group, r.reach = row.reach)
FOREACH (_ IN CASE WHEN row.type = 'VARIANT_OF' THEN [1] ELSE [] END |
  MERGE (a)-[r:VARIANT_OF]->(b) SET r.sources = row.sources, r.group = row.group, r.reach = row.reach)
FOREACH (_ IN CASE WHEN row.type = 'TARGETS' THEN [1] ELSE [] END |
  MERGE (a)-[r:TARGETS]->(b) SET r.sources = row.sources, r.group = row.group, r.reach = row.reach)
FOREACH (_ IN CASE WHEN row.type = 'INCLUDES' THEN [1] ELSE [] END |
  MERGE (a)-[r:INCLUDES]->(b) SET r.sources = row.sources, r.group = row.group, r.reach = row.reach)
