// A bulk query's result as Shopify writes it: one JSON object per line, connections flattened so
// each node is its own line, and a nested connection's nodes carry "__parentId" (the enclosing
// node's id) and come after their parent.

function isConnectionValue(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    && (Array.isArray(value.nodes) || Array.isArray(value.edges))
    && Object.keys(value).every((key) => key === 'nodes' || key === 'edges' || key === 'pageInfo');
}

function nodesOf(connection) {
  return connection.nodes ?? connection.edges.map((edge) => edge.node);
}

/** A node's own line (nested connections taken out) and the connections taken out. */
function split(value, nested) {
  if (Array.isArray(value)) return value.map((item) => split(item, nested));
  if (value === null || typeof value !== 'object') return value;
  const line = {};
  for (const [key, field] of Object.entries(value)) {
    if (isConnectionValue(field)) nested.push(field);
    else line[key] = split(field, nested);
  }
  return line;
}

function* connectionLines(connection, parentId) {
  for (const node of nodesOf(connection)) {
    const nested = [];
    const line = split(node, nested);
    yield parentId === null ? line : { ...line, __parentId: parentId };
    for (const child of nested) yield* connectionLines(child, node.id);
  }
}

/** The JSONL lines of a bulk query's `data`, and how many of them are root objects. */
export function bulkQueryLines(data) {
  const lines = [];
  let rootObjectCount = 0;
  for (const value of Object.values(data ?? {})) {
    if (!isConnectionValue(value)) continue;
    for (const line of connectionLines(value, null)) {
      if (!('__parentId' in line)) rootObjectCount += 1;
      lines.push(JSON.stringify(line));
    }
  }
  return { lines, rootObjectCount };
}
