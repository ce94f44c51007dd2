import type { Request, RequestHandler, Response } from 'express';
import { once } from 'node:events';
import { UnauthenticatedError } from '../errors.js';
import { subgraphWrite, type Viewer } from '../roles.js';
import type { ImportReport } from './run.js';
import { currentLog } from '../observability/request-scope.js';
import { serviceLogger } from '../log.js';

/** Runs one uploaded file for a verified caller (the kit's pipeline over the subgraph's spec and database). */
export type ImportHandler = (upload: { viewer: Viewer; fileName: string; source: AsyncIterable<Uint8Array> }) => Promise<ImportReport>;

/** The header naming the uploaded file (URI-encoded), recorded in the audit; the body carries only the bytes. */
export const FILE_NAME_HEADER = 'x-file-name';

const refuse = (res: Response, status: number, code: string, message: string) =>
  res.status(status).set('connection', 'close').json({ errors: [{ message, extensions: { code } }] });

/**
 * POST /import: a `text/csv` body, streamed into the import as it arrives, for a bearer token with
 * `<subgraph>:write`. Answers the JSON report: 200 when the file went in, 422 when it was refused (nothing written),
 * 401, 403 and 415 with the kit's error shape.
 */
export function importRoute(subgraph: string, authenticate: (authorization?: string) => Promise<Viewer>, handle: ImportHandler): RequestHandler {
  const scope = subgraphWrite(subgraph);
  return async (req, res) => {
    let viewer: Viewer;
    try {
      viewer = await authenticate(req.headers.authorization);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return refuse(res, 401, 'UNAUTHENTICATED', error.message);
      throw error;
    }
    if (!viewer.authenticated) return refuse(res, 401, 'UNAUTHENTICATED', `An import needs a bearer token with the scope ${scope}.`);
    if (!viewer.scopes.has(scope)) return refuse(res, 403, 'FORBIDDEN', `Importing into ${subgraph} needs the scope ${scope}.`);
    if (!req.is('text/csv')) return refuse(res, 415, 'BAD_REQUEST', 'Send the file as the request body with Content-Type: text/csv.');
    try {
      const body = req.iterator({ destroyOnReturn: false });
      const report = await handle({ viewer, fileName: fileNameOf(req), source: body });
      await drain(req, body);
      res.status(report.status === 'imported' ? 200 : 422).json(report);
    } catch (error) {
      currentLog(serviceLogger(subgraph)).error({ err: error }, 'Import failed unexpectedly');
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal error: the hub could not import this file; nothing was written.');
    }
  };
}

function fileNameOf(req: Request): string {
  const header = req.get(FILE_NAME_HEADER);
  if (!header) return 'upload.csv';
  try {
    return decodeURIComponent(header).slice(0, 200);
  } catch {
    return header.slice(0, 200);
  }
}

/** A refused file may stop being read halfway; the rest is read and dropped so the client sees the report, not a reset. */
async function drain(req: Request, body: AsyncIterable<unknown>) {
  for await (const _chunk of body);
  if (req.readableEnded) return;
  // The iterator is done but left its listener: only without it does resume() let the rest flow.
  req.removeAllListeners('readable');
  req.resume();
  await once(req, 'end');
}
