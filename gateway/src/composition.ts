import { composeServices } from '@apollo/composition';
import { buildASTSchema, parse, Source, type GraphQLError, type GraphQLSchema } from 'graphql';
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

/** One composition error with its code and where it is: the subgraph whose SDL it points at, line and column. */
export interface CompositionProblem {
  code: string;
  message: string;
  locations: { subgraph: string; line: number; column: number }[];
}

export type CompositionResult =
  | { supergraphSdl: string; apiSchema: GraphQLSchema; hints: string[]; errors?: undefined }
  | { supergraphSdl?: undefined; errors: string[]; problems: CompositionProblem[] };

/** Composes subgraph SDLs into a Federation 2 supergraph, or lists every composition error. */
export function composeSupergraph(subgraphs: Pick<SubgraphSource, 'name' | 'url' | 'sdl'>[]): CompositionResult {
  // Each SDL is parsed as a Source named after its subgraph, so an error's locations say which file they are in.
  const services = subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(new Source(s.sdl, s.name)) }));
  const result = composeServices(services);
  if (result.errors) return { errors: result.errors.map((error) => error.message), problems: result.errors.map(problem) };
  return {
    supergraphSdl: result.supergraphSdl,
    // Rebuilt from the AST so the schema belongs to the caller's graphql module (ESM or CommonJS), not composition's.
    apiSchema: buildASTSchema(result.schema.toAPISchema().toAST()),
    hints: result.hints.map((hint) => hint.toString()),
  };
}

function problem(error: GraphQLError): CompositionProblem {
  const locations = (error.nodes ?? []).flatMap((node) =>
    node.loc ? [{ subgraph: node.loc.source.name, line: node.loc.startToken.line, column: node.loc.startToken.column }] : [],
  );
  return { code: String(error.extensions?.code ?? 'COMPOSITION_ERROR'), message: error.message, locations };
}
