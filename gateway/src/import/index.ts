import express, { type Request, type Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Agent, fetch } from 'undici';
import type { SupergraphSource } from '../registry/source.js';
import { currentLog, serviceLogger } from '@vo/kit';

/** Headers an upload carries through to the subgraph; the subgraph verifies the token itself. */
const FORWARDED = ['authorization', 'content-type', 'x-file-name'];
const JOIN_GRAPH = /@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g;

// A million-row file is answered only once it is in: no time limit on the answer, one on connecting.
const agent = new Agent({ headersTimeout: 0, bodyTimeout: 0, connectTimeout: 10_000 });

const refuse = (res: Response, status: number, code: string, message: string) =>
  res.status(status).set('connection', 'close').json({ errors: [{ message, extensions: { code } }] });

/** The subgraph's import address: its routing URL (the supergraph's, or an override) with /import for /graphql. */
function importUrl(supergraph: SupergraphSource, overrides: Record<string, string> | undefined, name: string): string | undefined {
  const routing = overrides?.[name] ?? [...supergraph.current().matchAll(JOIN_GRAPH)].find((match) => match[1] === name)?.[2];
  return routing && `${routing.replace(/\/graphql\/?$/, '')}/import`;
}

/**
 * POST /import/<subgraph>: partners upload every file to the hub's one address, and the gateway streams it
 * through to the subgraph that owns the data, untouched, and streams its report back. The subgraph checks the
 * token (`<subgraph>:write`), so the gateway forwards it without judging it.
 */
export function importRouter(supergraph: SupergraphSource, overrides?: Record<string, string>) {
  const router = express.Router();
  router.post('/import/:subgraph', async (req: Request<{ subgraph: string }>, res) => {
    const name = req.params.subgraph;
    const url = /^[a-z][a-z0-9-]*$/.test(name) ? importUrl(supergraph, overrides, name) : undefined;
    if (!url) return refuse(res, 404, 'NOT_FOUND', `There is no subgraph "${name}" in the graph.`);
    const headers = Object.fromEntries(FORWARDED.flatMap((header) => (req.headers[header] ? [[header, String(req.headers[header])]] : [])));
    try {
      const answer = await fetch(url, { method: 'POST', headers, body: req, duplex: 'half', dispatcher: agent });
      if (!answer.headers.get('content-type')?.includes('json')) {
        await answer.body?.cancel();
        return refuse(res, 404, 'NOT_FOUND', `The subgraph "${name}" takes no file imports.`);
      }
      res.status(answer.status).type('application/json');
      await pipeline(Readable.fromWeb(answer.body as never), res);
    } catch (error) {
      currentLog(serviceLogger('gateway')).error({ err: error, subgraph: name }, 'Import upload failed');
      if (!res.headersSent) refuse(res, 502, 'BAD_GATEWAY', `The subgraph "${name}" could not be reached for the import.`);
    }
  });
  return router;
}
