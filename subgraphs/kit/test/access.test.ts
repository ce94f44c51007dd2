// The kit's enforcement of Federation's three access directives, on a small real subgraph over HTTP:
// every subgraph gets this enforcement, whichever of the directives its SDL uses.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policies } from '../src/access.js';
import { DEVELOPMENT_AUTH } from '../src/auth.js';
import { closeServer, createSubgraphApp, listen } from '../src/server.js';
import type { Viewer } from '../src/roles.js';
import { graphql, withToken } from '../src/testing.js';

const typeDefs = parse(/* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@policy"])

  type Query {
    open: String
    member: String @authenticated
    "national:read, or riec:read and region:NN:read together."
    restricted: String @requiresScopes(scopes: [["national:read"], ["riec:read", "region:NN:read"]])
    note(id: ID!): Note
  }

  type Note @key(fields: "id") @policy(policies: [["own_note"]]) {
    id: ID!
    text: String
  }
`);

const NOTES = [{ id: 'n1', owner: 'ccv', text: 'CCV only' }];
const policies: Policies = {
  own_note: ({ viewer, subject }) =>
    (subject as { owner: string }).owner === viewer.organisation || `Only ${(subject as { owner: string }).owner} reads this note.`,
};
const resolvers = {
  Query: { open: () => 'open', member: () => 'member', restricted: () => 'restricted', note: (_: unknown, { id }: { id: string }) => NOTES.find((n) => n.id === id) },
  Note: { __resolveReference: ({ id }: { id: string }) => NOTES.find((n) => n.id === id) },
};

let url: string;
let stop: () => Promise<void>;
beforeAll(async () => {
  const { app, apollo } = await createSubgraphApp({
    name: 'notes',
    typeDefs,
    resolvers,
    policies,
    auth: DEVELOPMENT_AUTH,
    context: (viewer: Viewer) => ({ viewer }),
  });
  const running = await listen(app, 0);
  url = `${running.url}/graphql`;
  stop = async () => {
    await apollo.stop();
    await closeServer(running.server);
  };
});
afterAll(() => stop?.());

const QUERY = '{ open member restricted note(id: "n1") { text } }';
/** Per field: its value, or the code of the error at its path. */
async function outcome(client: { graphql: typeof graphql }) {
  const result = await client.graphql(url, QUERY);
  const codeAt = (field: string) => result.errors?.find((e) => e.path?.[0] === field)?.extensions?.code;
  const data = result.data as Record<string, unknown>;
  return Object.fromEntries(['open', 'member', 'restricted', 'note'].map((field) => [field, data[field] ?? codeAt(field)]));
}

describe('access directives, enforced field by field', () => {
  it.each([
    ['anonymous', { graphql }, { open: 'open', member: 'UNAUTHENTICATED', restricted: 'FORBIDDEN', note: 'FORBIDDEN' }],
    ['a token without scopes', withToken({ scopes: [] }), { open: 'open', member: 'member', restricted: 'FORBIDDEN', note: 'FORBIDDEN' }],
    ['riec:read alone (half of an "and")', withToken({ scopes: ['riec:read'] }), { restricted: 'FORBIDDEN' }],
    ['riec:read and region:NN:read', withToken({ scopes: ['riec:read', 'region:NN:read'] }), { restricted: 'restricted' }],
    ['national:read', withToken({ scopes: ['national:read'] }), { restricted: 'restricted', note: 'FORBIDDEN' }],
    ['the note owner', withToken({ scopes: [], organisation: 'ccv' }), { note: { text: 'CCV only' } }],
  ])('%s gets each field or the refusal at its path', async (_, client, expected) => {
    expect(await outcome(client)).toMatchObject(expected);
  });

  it('guards a restricted type on every path, _entities included', async () => {
    const query = '{ _entities(representations: [{ __typename: "Note", id: "n1" }]) { ... on Note { text } } }';
    const refused = await withToken({ scopes: ['national:read'] }).graphql(url, query);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0].message).toBe('Only ccv reads this note.');
    const owned = await withToken({ scopes: [], organisation: 'ccv' }).graphql(url, query);
    expect(owned).toMatchObject({ data: { _entities: [{ text: 'CCV only' }] } });
  });

  it('refuses to start a subgraph whose SDL names a policy it does not implement', async () => {
    await expect(
      createSubgraphApp({ name: 'notes', typeDefs, resolvers, policies: {}, auth: DEVELOPMENT_AUTH, context: (viewer: Viewer) => ({ viewer }) }),
    ).rejects.toThrow('Query.note uses @policy "own_note", which this subgraph does not implement.');
  });
});
