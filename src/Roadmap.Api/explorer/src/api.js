// The explorer's only door to the data: GraphQL over HTTP, the same endpoint every client uses.
export async function gql(query, variables = {}) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map(e => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  return body.data;
}

export const NODE_FIELDS = 'id kind nameZh nameEn latestStatus';
export const EDGE_FIELDS = 'type group from { id } to { id }';
