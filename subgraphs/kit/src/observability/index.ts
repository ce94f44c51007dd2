export * from './graphql-plugin.js';
export * from './http.js';
export * from './metrics.js';
export * from './request-scope.js';
export * from './trace.js';
export * from './database.js';
export * from './exposition.js';
