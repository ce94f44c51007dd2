// The cost estimate over the real supergraph: its @listSize annotations, variables, defaults and fragments.
import { buildASTSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, readSupergraphConfig } from '../src/composition.js';
import { estimateCost, readCostDirectives } from '../src/cost.js';

const supergraphSdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
const composed = composeSupergraph(readSupergraphConfig(new URL('../../schema/supergraph.yaml', import.meta.url).pathname));
if (composed.errors) throw new Error(composed.errors.join('\n'));
const schema = composed.apiSchema;
const directives = readCostDirectives(supergraphSdl);

function cost(query: string, variables: Record<string, unknown> = {}, defaultListSize = 10) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
  return estimateCost({ schema, operation, fragments, variables, directives, defaultListSize });
}

describe('the cost estimate', () => {
  it('reads @listSize from the supergraph, which the API schema no longer carries', () => {
    expect(directives.fields.get('Query.regions')).toEqual({ weight: undefined, assumedSize: 10 });
    expect(directives.fields.get('Query.certifications')).toMatchObject({ slicingArguments: ['first'], sizedFields: ['nodes', 'edges'] });
  });

  it('costs an object 1 and a scalar 0', () => {
    expect(cost('{ region(code: "NN") { name code } }')).toBe(1);
    expect(cost('{ region(code: "NN") { name pvo { name } } }')).toBe(2);
  });

  it('multiplies a list by its assumed size, and nested lists by each other', () => {
    expect(cost('{ regions { code } }')).toBe(10);
    expect(cost('{ regions { municipalities { code } } }')).toBe(10 * (1 + 76));
  });

  it("sizes a connection's nodes and edges by `first`, from the query, a variable or the argument's default", () => {
    expect(cost('{ certifications(first: 50) { nodes { id } edges { cursor } } }')).toBe(1 + 50 + 50);
    expect(cost('query($n: Int) { certifications(first: $n) { nodes { id } } }', { n: 7 })).toBe(1 + 7);
    expect(cost('{ certifications { nodes { id } } }')).toBe(1 + 20);
  });

  it('uses the default list size for a list without @listSize', () => {
    expect(cost('{ processGuides { id } }', {}, 10)).toBe(10);
    expect(cost('{ processGuides { id } }', {}, 3)).toBe(3);
  });

  it('counts fields inside fragments', () => {
    const query = 'query { ...Q } fragment Q on Query { regions { ... on Region { pvo { name } } } }';
    expect(cost(query)).toBe(10 * (1 + 1));
  });

  it('adds one for every item of a list argument, so a huge variable list is expensive', () => {
    const codes = Array.from({ length: 100_000 }, () => 'NN');
    expect(cost('query($codes: [ID!]) { regions(codes: $codes) { code } }', { codes })).toBe(100_000 + 10);
  });

  it('survives a hostile, deeply nested variable without overflowing the stack', () => {
    let nested: unknown = [];
    for (let i = 0; i < 200_000; i++) nested = [nested];
    expect(cost('query($codes: [ID!]) { regions(codes: $codes) { code } }', { codes: nested })).toBe(200_000 + 10);
  });

  it('reads @cost weights on fields and types', () => {
    const sdl = `
      directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT
      type Query { report: Report @cost(weight: 50) reports: [Report] }
      type Report @cost(weight: 5) { id: ID }`;
    const weighted = readCostDirectives(sdl);
    expect(weighted.fields.get('Query.report')).toEqual({ weight: 50 });
    expect(weighted.types.get('Report')).toBe(5);
    const operation = parse('{ report { id } reports { id } }').definitions[0] as OperationDefinitionNode;
    const built = buildASTSchema(parse(sdl));
    expect(estimateCost({ schema: built, operation, fragments: {}, variables: {}, directives: weighted, defaultListSize: 10 })).toBe(50 + 10 * 5);
  });
});
