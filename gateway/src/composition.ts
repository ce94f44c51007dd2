import { composeServices } from '@apollo/composition';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const configSchema = z.object({
  federation_version: z.string(),
  subgraphs: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/),
    z.object({ routing_url: z.url(), schema: z.object({ file: z.string() }), owner: z.string() }),
  ),
});

export interface SubgraphSource {
  name: string;
  url: string;
  owner: string;
  sdl: string;
}

/** Reads schema/supergraph.yaml and the SDL file of every subgraph it lists. */
export function readSupergraphConfig(configPath: string, only?: string[]): SubgraphSource[] {
  const config = configSchema.parse(parseYaml(readFileSync(configPath, 'utf8')));
  const entries = Object.entries(config.subgraphs).filter(([name]) => !only || only.includes(name));
  return entries.map(([name, subgraph]) => ({
    name,
    url: subgraph.routing_url,
    owner: subgraph.owner,
    sdl: readFileSync(resolve(dirname(configPath), subgraph.schema.file), 'utf8'),
  }));
}

export type CompositionResult =
  | { supergraphSdl: string; apiSchema: GraphQLSchema; hints: string[]; errors?: undefined }
  | { supergraphSdl?: undefined; errors: string[] };

/** Composes subgraph SDLs into a Federation 2 supergraph, or lists every composition error. */
export function composeSupergraph(subgraphs: SubgraphSource[]): CompositionResult {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) return { errors: result.errors.map((error) => error.message) };
  return {
    supergraphSdl: result.supergraphSdl,
    // Rebuilt from the AST so the schema belongs to the caller's graphql module (ESM or CommonJS), not composition's.
    apiSchema: buildASTSchema(result.schema.toAPISchema().toAST()),
    hints: result.hints.map((hint) => hint.toString()),
  };
}
