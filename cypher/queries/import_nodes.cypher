// Import: one batch of nodes, MERGEd by id, so running an import twice changes nothing.
// Labels cannot be parameters in Cypher 5, hence one FOREACH per kind.
UNWIND $nodes AS row
MERGE (n:Node {id: row.id})
SET n.kind = row.kind, n.nameZh = row.nameZh, n.nameEn = row.nameEn, n.aliases = row.aliases,
    n.aliasText = row.aliasText, n.latestStatus = row.latestStatus, n.body = row.body
// A node whose kind changed must lose its old label: every kind label goes, then the row's comes back.
REMOVE n:Technology:Component:Product:Program:Document
FOREACH (_ IN CASE WHEN row.kind = 'TECHNOLOGY' THEN [1] ELSE [] END | SET n:Technology)
FOREACH (_ IN CASE WHEN row.kind = 'COMPONENT' THEN [1] ELSE [] END | SET n:Component)
FOREACH (_ IN CASE WHEN row.kind = 'PRODUCT' THEN [1] ELSE [] END | SET n:Product)
FOREACH (_ IN CASE WHEN row.kind = 'PROGRAM' THEN [1] ELSE [] END | SET n:Program)
FOREACH (_ IN CASE WHEN row.kind = 'DOCUMENT' THEN [1] ELSE [] END | SET n:Document)
