// The security matrix, generated from the subgraph SDLs: every field carrying an access directive (itself or
// through its type), for every role, through the real gateway over the real subgraphs: allowed or refused.
import { readSupergraphConfig } from '@vo/gateway/composition';
import { parse, valueFromASTUntyped, type ConstDirectiveNode, type TypeNode } from 'graphql';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_PATHS, type Subject } from './support/access-paths.js';
import { startHub, type Hub } from './support/hub.js';
import { ROLES, type RoleName } from './support/roles.js';

const ACCESS_DIRECTIVES = ['authenticated', 'requiresScopes', 'policy'];

/** "policy:region_detail", "requiresScopes:national:read", "authenticated": what a directive list demands. */
function accessOf(directives: readonly ConstDirectiveNode[] | undefined): string | undefined {
  const found = (directives ?? []).filter((d) => ACCESS_DIRECTIVES.includes(d.name.value));
  if (found.length === 0) return undefined;
  return found
    .map((d) => [d.name.value, ...(d.arguments ?? []).map((a) => JSON.stringify(valueFromASTUntyped(a.value)).replace(/[[\]"]/g, ''))].join(':'))
    .join(' ');
}

const namedType = (type: TypeNode): string => (type.kind === 'NamedType' ? type.name.value : namedType(type.type));

/** Every restricted coordinate in every subgraph SDL: restricted types, their fields' users, and restricted fields. */
function restrictedCoordinates(): Record<string, string> {
  const config = fileURLToPath(new URL('../schema/supergraph.yaml', import.meta.url));
  const restricted: Record<string, string> = {};
  for (const { sdl } of readSupergraphConfig(config)) {
    const types = parse(sdl).definitions.filter((d) => d.kind === 'ObjectTypeDefinition');
    const restrictedTypes = new Map(types.flatMap((t) => (accessOf(t.directives) ? [[t.name.value, accessOf(t.directives)!]] : [])));
    for (const [name, access] of restrictedTypes) restricted[name] = access;
    for (const type of types) {
      for (const field of type.fields ?? []) {
        const access = accessOf(field.directives) ?? restrictedTypes.get(namedType(field.type));
        if (access) restricted[`${type.name.value}.${field.name.value}`] = access;
      }
    }
  }
  return restricted;
}

function allowed(role: RoleName, subject: Subject): boolean {
  const claims: { scopes: readonly string[]; organisation?: string } = ROLES[role].claims ?? { scopes: [] };
  if (subject === 'any-organisation') return claims.organisation !== undefined;
  if ('allOf' in subject) return subject.allOf.every((part) => allowed(role, part));
  if ('anyOf' in subject) return subject.anyOf.some((part) => allowed(role, part));
  if ('owner' in subject) return claims.organisation === subject.owner;
  if ('organisationIn' in subject) return subject.organisationIn.includes(claims.organisation ?? '');
  if ('anyScope' in subject) return subject.anyScope.some((scope) => claims.scopes.includes(scope));
  return claims.scopes.includes('national:read') || claims.scopes.includes(`region:${subject.region}:read`);
}

let hub: Hub;
const ids: Record<string, string> = {};
beforeAll(async () => {
  hub = await startHub();
  const { grants } = await ROLES.national.client.graphqlOk(hub.url, '{ grants(region: "LB", first: 1) { nodes { id } } }');
  const { cyberScans } = await ROLES.scanOwner.client.graphqlOk(hub.url, '{ cyberScans(region: "LB", first: 1) { nodes { id } } }');
  Object.assign(ids, { $LB_GRANT: grants.nodes[0].id, $DTC_SCAN: cyberScans.nodes[0].id });
});
afterAll(() => hub?.close());

describe('security matrix', () => {
  const restricted = restrictedCoordinates();

  it('has a query path for every restricted field, expecting the directive the SDL carries, and no stale paths', () => {
    expect(Object.keys(restricted).length).toBeGreaterThan(10);
    const expected = Object.fromEntries(Object.entries(ACCESS_PATHS).map(([coordinate, path]) => [coordinate, path.access]));
    expect(restricted).toEqual(expected);
  });

  it.each(Object.entries(ACCESS_PATHS))('%s: each role gets exactly what it may', async (coordinate, path) => {
    const query = path.query.replace(/\$[A-Z_]+/g, (name) => ids[name]);
    for (const role of Object.keys(ROLES) as RoleName[]) {
      const result = await ROLES[role].client.graphql(hub.url, query);
      const outcome = { coordinate, role, errors: result.errors?.map((e) => `${e.extensions?.code}: ${e.message}`) };
      if (allowed(role, path.subject)) {
        expect(outcome).toEqual({ coordinate, role, errors: undefined });
        expect(JSON.stringify(result.data), `${coordinate} as ${role}`).not.toMatch(/null/);
      } else {
        expect(result.status, `${coordinate} as ${role}`).toBe(200);
        expect(outcome.errors ?? [], `${coordinate} as ${role}: expected a refusal, got data`).not.toHaveLength(0);
        for (const error of result.errors!) expect(['FORBIDDEN', 'UNAUTHENTICATED'], `${coordinate} as ${role}`).toContain(error.extensions?.code);
      }
    }
  });
});
