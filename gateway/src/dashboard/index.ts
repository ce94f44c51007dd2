import express, { type RequestHandler, type Router } from 'express';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dashboardTopology } from './map-data.js';
import { VENDOR_FILES } from './vendor.js';

export interface DashboardOptions {
  /** The documented operations the page sends (schema/operations), served read-only. */
  operationsDir?: string;
}

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const OPERATIONS_DIR = fileURLToPath(new URL('../../../schema/operations/', import.meta.url));

// The page loads only the hub's own files and talks only to the hub's /graphql.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  next();
};

/** The dashboard at /dashboard: a static page that sends the documented operations to this hub's /graphql. */
export function dashboardRouter(options: DashboardOptions = {}): Router {
  const operationsDir = options.operationsDir ?? OPERATIONS_DIR;
  const topology = dashboardTopology();

  const router = express.Router();
  router.use('/dashboard', securityHeaders);
  router.get(['/dashboard', '/dashboard/'], (_req, res) => res.sendFile(join(PUBLIC_DIR, 'index.html')));
  router.use('/dashboard/assets', express.static(PUBLIC_DIR, { index: false, fallthrough: false }));
  router.get('/dashboard/vendor/:file', (req, res) => {
    const file = VENDOR_FILES[req.params.file];
    if (!file) return res.status(404).end();
    res.setHeader('cache-control', 'public, max-age=86400');
    res.sendFile(file);
  });
  router.get('/dashboard/operations/:file', async (req, res) => {
    // Only a name from the folder's listing is served: no path is ever built from the URL.
    const operations = await readdir(operationsDir);
    if (!req.params.file.endsWith('.graphql') || !operations.includes(req.params.file)) return res.status(404).end();
    res.type('text/plain; charset=utf-8').sendFile(join(operationsDir, req.params.file), { headers: { 'cache-control': 'no-cache' } });
  });
  router.get('/dashboard/data/regions.topo.json', (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=86400');
    res.type('application/json').send(topology);
  });
  return router;
}
