import { composeSupergraph, readSupergraphConfig } from '@vo/gateway/composition';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WRITES_SDL } from '@vo/kit';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from './support/hub.js';

/** The subgraphs whose partners write their data through the graph (issue 6). */
const WRITING_SUBGRAPHS = ['cyber', 'funding', 'kvo', 'regions', 'riec'];
const config = fileURLToPath(new URL('../schema/supergraph.yaml', import.meta.url));

describe('the composed supergraph', () => {
  const result = composeSupergraph(readSupergraphConfig(config));

  it('composes without errors', () => {
    expect(result.errors).toBeUndefined();
  });

  it('is committed up to date (run npm run compose after changing a subgraph SDL)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(result.supergraphSdl);
  });

  it('describes every public type, field, argument and enum value: the schema is the partners documentation', () => {
    if (result.errors) throw new Error(result.errors.join('\n'));
    const undocumented: string[] = [];
    for (const type of Object.values(result.apiSchema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description && !['first', 'after'].includes(arg.name)) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});

describe('the write types every writing subgraph shares', () => {
  it('are the kit writes.graphql text, verbatim, in every subgraph that has mutations', () => {
    const writers = readSupergraphConfig(config).filter((subgraph) => /^type Mutation\b/m.test(subgraph.sdl));
    for (const subgraph of writers) expect(subgraph.sdl, `${subgraph.name} must copy subgraphs/kit/src/writes.graphql`).toContain(WRITES_SDL.trim());
    expect(writers.map((subgraph) => subgraph.name).sort()).toEqual(WRITING_SUBGRAPHS);
  });
});
