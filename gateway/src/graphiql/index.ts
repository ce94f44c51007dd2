import express, { type Router } from 'express';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../package-file.js';

/** GraphiQL and React come from node_modules: nothing is fetched from a CDN. */
const ASSETS: Record<string, string> = {
  'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
  'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
  'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
};

const page = fileURLToPath(new URL('./page.html', import.meta.url));
const start = fileURLToPath(new URL('./start.js', import.meta.url));

/** Serves the in-browser IDE: `GET /graphql` from a browser, and its assets under /graphiql. */
export function graphiqlRouter(): Router {
  const router = express.Router();
  router.get('/graphql', (req, res, next) => (req.accepts(['json', 'html']) === 'html' ? res.sendFile(page) : next()));
  router.get('/graphiql/start.js', (_req, res) => res.sendFile(start));
  router.get('/graphiql/assets/:file', (req, res) => {
    const file = ASSETS[req.params.file];
    if (!file) return res.status(404).end();
    res.setHeader('cache-control', 'public, max-age=86400');
    res.sendFile(file);
  });
  return router;
}
