import { describe, expect, it } from 'vitest';
import { judgeChanges } from '../src/registry/changes.js';
import { operationCoordinates } from '../src/registry/coordinates.js';
import { graphql } from '../src/registry/graphql.js';

const SDL = `
type Query { region(code: ID!): Region  regions(filter: RegionFilter): [Region!]! }
type Region { code: ID! name: String! pvo: Pvo kvo(asOf: String): Kvo }
type Pvo { legalForm: LegalForm! }
type Kvo { certified: Int! }
enum LegalForm { FOUNDATION ASSOCIATION }
input RegionFilter { codes: [ID!] name: String }
`;
const schema = graphql.buildSchema(SDL);

function coordinates(query: string, operationName?: string) {
  const document = graphql.parse(query);
  const operation = document.definitions.find(
    (d): d is import('graphql').OperationDefinitionNode => d.kind === 'OperationDefinition' && (!operationName || d.name?.value === operationName),
  )!;
  return operationCoordinates(schema, document, operation);
}

describe('the schema coordinates an operation uses', () => {
  it('lists fields, passed arguments, input fields and the types they touch, through fragments, without introspection', () => {
    const query = `
      query Overview($filter: RegionFilter) { __typename regions(filter: $filter) { ...Names kvo { certified } } }
      query Other { region(code: "NN") { code } }
      fragment Names on Region { name pvo { legalForm } }`;
    expect(coordinates(query, 'Overview')).toEqual([
      'Int', 'Kvo', 'Kvo.certified', 'LegalForm', 'Pvo', 'Pvo.legalForm', 'Query.regions', 'Query.regions.filter', 'Region', 'Region.kvo',
      'Region.name', 'Region.pvo', 'RegionFilter', 'String',
    ]);
    expect(coordinates('{ regions(filter: { codes: ["NN"] }) { code kvo(asOf: "2026-01-01") { certified } } }')).toEqual([
      'ID', 'Int', 'Kvo', 'Kvo.certified', 'Query.regions', 'Query.regions.filter', 'Region', 'Region.code', 'Region.kvo', 'Region.kvo.asOf',
      'RegionFilter', 'RegionFilter.codes', 'String',
    ]);
  });
});

describe('judging changes against usage', () => {
  const usage = [
    { coordinate: 'Region.kvo', clientName: 'dashboard-nn', count: 7 },
    { coordinate: 'Region.kvo', clientName: 'analyst', count: 2 },
    { coordinate: 'LegalForm', clientName: 'analyst', count: 3 },
  ];
  const judge = (candidate: string) => judgeChanges(SDL, candidate, usage, 30);

  it('fails a breaking change to a used field, naming the clients', async () => {
    const [change] = await judge(SDL.replace(' kvo(asOf: String): Kvo', ''));
    expect(change).toMatchObject({ criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Region.kvo', verdict: 'fail' });
    expect(change.usage).toEqual({ operations: 9, clients: [{ name: 'dashboard-nn', operations: 7 }, { name: 'analyst', operations: 2 }] });
    expect(change.reason).toContain('9 operations used it in the last 30 days, by dashboard-nn (7), analyst (2)');
  });

  it('counts a required argument added to a used field, and an enum value removed from a used enum, as used', async () => {
    const changes = await judge(SDL.replace('kvo(asOf: String)', 'kvo(asOf: String, year: Int!)').replace(' ASSOCIATION', ''));
    expect(changes.map((c) => [c.type, c.path, c.verdict])).toEqual([
      ['ENUM_VALUE_REMOVED', 'LegalForm.ASSOCIATION', 'fail'],
      ['FIELD_ARGUMENT_ADDED', 'Region.kvo.year', 'fail'],
    ]);
  });

  it('passes with a warning a breaking change nothing used, and passes a safe one', async () => {
    const candidate = SDL.replace('code: ID! name: String!', 'code: ID! name: String! label: String')
      .replace(' certified: Int!', ' certified: Int! total: Int')
      .replace('input RegionFilter { codes: [ID!] name: String }', 'input RegionFilter { codes: [ID!] }');
    const changes = await judge(candidate);
    expect(changes.map((c) => [c.type, c.path, c.verdict])).toEqual([
      ['INPUT_FIELD_REMOVED', 'RegionFilter.name', 'warn'],
      ['FIELD_ADDED', 'Kvo.total', 'pass'],
      ['FIELD_ADDED', 'Region.label', 'pass'],
    ]);
    expect(changes[0].reason).toMatch(/^Breaking, but no recorded operation used it in the last 30 days\./);
  });
});
