// StatsAsync: nodes by kind and relationships by type.
MATCH (n:Node)
WITH n.kind AS kind, count(*) AS count
RETURN 'node' AS what, kind AS name, count
UNION ALL
MATCH (:Node)-[r]->(:Node)
RETURN 'edge' AS what, type(r) AS name, count(*) AS count
