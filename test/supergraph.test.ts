import { composeSupergraph, readSupergraphConfig } from '@vo/gateway/composition';
import { isEnumType, Kind, parse, print, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType } from 'graphql';
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

describe('what a partner adds to another partner\'s entity', () => {
  // When a subgraph is down, its fields are null with an error naming it. A non-null field would pass that null up
  // to the entity, and the regions subgraph's own data would vanish with it.
  const OWNER = 'regions';
  it('is nullable, so a subgraph that is down empties only its own fields', () => {
    const subgraphs = readSupergraphConfig(config);
    const owned = new Set(
      parse(subgraphs.find((s) => s.name === OWNER)!.sdl).definitions.flatMap((d) =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION && d.directives?.some((directive) => directive.name.value === 'key') ? [d.name.value] : []),
    );
    const nonNull: string[] = [];
    for (const subgraph of subgraphs.filter((s) => s.name !== OWNER)) {
      for (const type of parse(subgraph.sdl).definitions) {
        if (type.kind !== Kind.OBJECT_TYPE_DEFINITION || !owned.has(type.name.value)) continue;
        const key = type.directives?.find((d) => d.name.value === 'key');
        const keyFields = key ? print(key.arguments![0]!.value).replace(/"/g, '').split(/\s+/) : [];
        for (const field of type.fields ?? []) {
          const external = field.directives?.some((d) => d.name.value === 'external');
          if (field.type.kind === Kind.NON_NULL_TYPE && !external && !keyFields.includes(field.name.value)) nonNull.push(`${subgraph.name}: ${type.name.value}.${field.name.value}`);
        }
      }
    }
    expect(nonNull).toEqual([]);
  });
});
