// The dashboard's only data source: the hub's public GraphQL API, with the documented operations in
// schema/operations, fetched from the hub as text and sent unchanged (so they also run in trusted-documents mode).
import { currentToken } from './token.js';

const documents = new Map();

/** The text of a documented operation, e.g. "DashboardRegion" (schema/operations/DashboardRegion.graphql). */
function operationText(name) {
  if (!documents.has(name)) {
    const text = fetch(`/dashboard/operations/${name}.graphql`).then((response) => {
      if (!response.ok) throw new Error(`De vraag ${name} is niet gevonden op de hub (${response.status}).`);
      return response.text();
    });
    documents.set(name, text);
    text.catch(() => documents.delete(name));
  }
  return documents.get(name);
}

/**
 * Runs a documented operation with the token from the access form, if any. Resolves to `{ data, errors }`:
 * a field the token may not read comes back null with a FORBIDDEN error while the rest still arrives.
 * Rejects when there is no answer at all (network, limits, a bad token).
 */
export async function runOperation(name, variables = {}) {
  const query = await operationText(name);
  const headers = { 'content-type': 'application/json' };
  const token = currentToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json().catch(() => ({}));
  const errors = body.errors ?? [];
  const unauthenticated = errors.find((error) => error.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated) {
    throw new Error(`De hub accepteert het token niet (${unauthenticated.message}). Plak een nieuw token bij ‘Toegang’, of wis het om de open gegevens te zien.`);
  }
  if (!body.data) throw new Error(errors[0]?.message ?? `De hub antwoordde met status ${response.status}.`);
  return { data: body.data, errors };
}

/** True when the answer withheld something at or under `path` (e.g. ["region", "funding"]) for lack of a role. */
export function forbiddenUnder(errors, path) {
  return errors.some(
    (error) => error.extensions?.code === 'FORBIDDEN' && path.every((key, index) => error.path?.[index] === key),
  );
}
