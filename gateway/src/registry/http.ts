import { createAuthenticator, currentLog, DEVELOPMENT_AUTH, registryPublish, serviceLogger, type AuthConfig, type Viewer } from '@vo/kit';
import express, { type ErrorRequestHandler, type Request } from 'express';
import { GraphQLError, parse, Source } from 'graphql';
import { z } from 'zod';
import { checkCandidate } from './check.js';
import { RegistryError } from './errors.js';
import { publishSubgraph, rollbackSubgraph } from './publish.js';
import type { Registry } from './registry.js';

/** Generous for an SDL (the largest subgraph here is ~30 kB) without letting a body tie up the gateway. */
const MAX_BODY = '2mb';
const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{0,62}$/;
/** A field's message: "is required" when it is missing, `wrong` otherwise. */
const explain = (wrong: string) => (issue: { input?: unknown }) => (issue.input === undefined ? `is required: ${wrong}` : wrong);
const httpUrl = z.url({ protocol: /^https?$/, error: explain('the routing URL, an http(s) URL such as https://riec.example.nl/graphql') });
const sdl = z.string({ error: explain('the subgraph SDL as a string') }).min(1, 'must not be empty');
const bodies = {
  check: z.object({ sdl, url: httpUrl.optional() }, { error: 'must be a JSON object' }),
  publish: z.object({ sdl, url: httpUrl }, { error: 'must be a JSON object' }),
  rollback: z.object({ version: z.number({ error: explain('a version number such as 3') }).int().positive() }, { error: 'must be a JSON object' }),
};

function readBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${['body', ...issue.path].join('.')} ${issue.message}`);
  throw new RegistryError(400, 'BAD_REQUEST', `Invalid request body: ${problems.join('; ')}.`, { problems });
}

function subgraphName(req: Request): string {
  const name = String(req.params.name);
  if (SUBGRAPH_NAME.test(name)) return name;
  throw new RegistryError(400, 'BAD_REQUEST', `"${name}" is not a subgraph name: use lowercase letters, digits and hyphens, starting with a letter.`);
}

/** Refuses SDL that does not parse, with the line and column, before composition sees it. */
function parsedSdl(name: string, text: string): string {
  try {
    parse(new Source(text, name));
    return text;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    throw new RegistryError(400, 'INVALID_SDL', `The SDL of "${name}" does not parse: ${error.message}`, { locations: error.locations ?? [] });
  }
}

/** The bearer token verified as the gateway verifies it for GraphQL; a bad token is UNAUTHENTICATED. */
function identify(authenticate: (header: string | undefined) => Promise<Viewer>) {
  return async (req: Request, need: string | 'any token'): Promise<Viewer> => {
    let viewer: Viewer;
    try {
      viewer = await authenticate(req.headers.authorization);
    } catch (error) {
      throw new RegistryError(401, 'UNAUTHENTICATED', (error as Error).message);
    }
    const wanted = need === 'any token' ? 'a bearer token' : `a bearer token with the scope ${need}`;
    if (!viewer.authenticated) throw new RegistryError(401, 'UNAUTHENTICATED', `The registry needs ${wanted}.`);
    if (need !== 'any token' && !viewer.scopes.has(need)) {
      const held = [...viewer.scopes].filter((scope) => scope.startsWith('registry:publish:'));
      const has = held.length ? ` (it has ${held.join(', ')})` : '';
      const subgraph = need.slice('registry:publish:'.length);
      throw new RegistryError(403, 'FORBIDDEN', `This token may not change "${subgraph}"${has}: it needs the scope ${need}.`);
    }
    return viewer;
  };
}

/**
 * The registry over HTTP, for partners' CI: list, history, check, publish and rollback. Reading needs any valid
 * token; changing a subgraph needs `registry:publish:<subgraph>`. Every answer is JSON; a refusal is
 * `{ code, message, ... }` with a 4xx status.
 */
export function registryRouter(registry: Registry | undefined, auth: AuthConfig = DEVELOPMENT_AUTH) {
  const router = express.Router();
  const verify = identify(createAuthenticator(auth));
  const author = (viewer: Viewer) => viewer.subject ?? 'unknown';
  router.use(express.json({ limit: MAX_BODY }));
  router.use((_req, _res, next) => {
    if (registry) return next();
    const message =
      'The schema registry is not available on this gateway: it serves a fixed or last good supergraph. ' +
      'Try again once its database is back.';
    next(new RegistryError(503, 'REGISTRY_UNAVAILABLE', message));
  });
  router.get('/subgraphs', async (req, res) => {
    await verify(req, 'any token');
    res.json(registry!.list());
  });
  router.get('/subgraphs/:name/history', async (req, res) => {
    const name = subgraphName(req);
    await verify(req, 'any token');
    res.json(await registry!.history(name));
  });
  router.post('/subgraphs/:name/check', async (req, res) => {
    const name = subgraphName(req);
    await verify(req, registryPublish(name));
    const body = readBody(bodies.check, req.body);
    const state = registry!.active;
    const url = body.url ?? state.members.find((member) => member.subgraph === name)?.routingUrl ?? `http://${name}.invalid/graphql`;
    res.json(await checkCandidate(registry!, state, { name, sdl: parsedSdl(name, body.sdl), url }));
  });
  router.post('/subgraphs/:name/publish', async (req, res) => {
    const name = subgraphName(req);
    const viewer = await verify(req, registryPublish(name));
    const body = readBody(bodies.publish, req.body);
    res.json(await publishSubgraph(registry!, { name, sdl: parsedSdl(name, body.sdl), url: body.url }, author(viewer)));
  });
  router.post('/subgraphs/:name/rollback', async (req, res) => {
    const name = subgraphName(req);
    const viewer = await verify(req, registryPublish(name));
    const body = readBody(bodies.rollback, req.body);
    res.json(await rollbackSubgraph(registry!, name, body.version, author(viewer)));
  });
  router.use((req, _res, next) => {
    next(new RegistryError(404, 'NOT_FOUND', `No registry endpoint ${req.method} /registry${req.path}. See GET /registry/subgraphs.`));
  });
  router.use(registryErrors);
  return router;
}

/** Refusals as `{ code, message }`; malformed JSON is BAD_REQUEST; anything else is logged and masked. */
const registryErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error instanceof RegistryError) return void res.status(error.status).json(error);
  const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
  if (status === 413) {
    return void res.status(413).json({ code: 'BAD_REQUEST', message: `The request body is too large: the maximum is ${MAX_BODY}.` });
  }
  if (status < 500) return void res.status(status).json({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
  currentLog(serviceLogger('gateway')).error({ err: error }, 'Registry request failed');
  res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error: the registry could not answer; nothing was changed.' });
};
