import type { ApolloServer } from '@apollo/server';
import { UnauthenticatedError } from '@vo/kit';
import express, { type Request, type Response } from 'express';
import type { GatewayContext } from '../identity.js';
import { DATA_NOTICE, toCsv, toJson } from './format.js';
import { ParameterError, readTrendParameters } from './params.js';
import { runTrends, type TrendTable } from './table.js';
import { currentLog, serviceLogger } from '@vo/kit';

type Format = 'csv' | 'json';

const fileName = (table: TrendTable, format: Format) =>
  `trends-${table.variables.from}-${table.variables.to}${table.variables.quarters ? '-quarters' : ''}.${format}`;

const refuse = (res: Response, status: number, message: string, extensions: Record<string, unknown>) =>
  res.status(status).json({ errors: [{ message, extensions }] });

/**
 * GET /export/trends.csv and /export/trends.json: a trend table (Query.trends, through the RegionTrends operation)
 * as a download, one row per place and period.
 *
 *   from, to   first and last year, required (2000 to 2100, in order, at most 50 years)
 *   regions    comma-separated region codes, in the order wanted (NN,LB); all ten when left out
 *   quarters   true for a row per quarter (KVO only; funding and cyber cells stay empty); false by default
 *
 * Send the same Authorization header as to /graphql: the export runs the operation as that caller. A bad parameter
 * is 400 with BAD_USER_INPUT naming it (extensions.parameter), a bad token 401. A field refused or failed inside a
 * row leaves its cells empty and is noted in the row's `errors` column; the X-Export-Errors header counts such
 * errors and the JSON carries them in full, as the API gives them, with HTTP 200. An answer with no table at all
 * (an operation limit, a subgraph down) is the API's errors with its status.
 */
export function exportRouter(apollo: ApolloServer<GatewayContext>, context: (args: { req: Request }) => Promise<GatewayContext>) {
  const router = express.Router();
  const handle = (format: Format) => async (req: Request, res: Response) => {
    try {
      const variables = readTrendParameters(req.query as Record<string, unknown>);
      const outcome = await runTrends(apollo, await context({ req }), variables);
      if ('failed' in outcome) return res.status(outcome.failed.status).json({ errors: outcome.failed.errors });
      const { table } = outcome;
      // The answer depends on the caller's token: no shared cache may keep it.
      res.set({ 'Cache-Control': 'private, no-store', Vary: 'Authorization', 'X-Export-Errors': String(table.errors.length) });
      res.attachment(fileName(table, format));
      if (format === 'json') return res.json(toJson(table));
      res.set('X-Data-Notice', DATA_NOTICE);
      return res.type('text/csv; charset=utf-8; header=present').send(toCsv(table));
    } catch (error) {
      if (error instanceof ParameterError) return refuse(res, 400, error.message, { code: 'BAD_USER_INPUT', parameter: error.parameter });
      if (error instanceof UnauthenticatedError) return refuse(res, 401, error.message, { code: 'UNAUTHENTICATED' });
      currentLog(serviceLogger('gateway')).error({ err: error }, 'Trend export failed unexpectedly');
      return refuse(res, 500, 'Internal error: the hub could not write this export.', { code: 'INTERNAL_SERVER_ERROR' });
    }
  };
  router.get('/export/trends.csv', handle('csv'));
  router.get('/export/trends.json', handle('json'));
  return router;
}
