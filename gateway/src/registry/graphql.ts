import { createRequire } from 'node:module';

/**
 * graphql-js as @apollo/gateway and @graphql-inspector load it: the CommonJS build. Under vitest an
 * `import from 'graphql'` in our own source resolves to the ES module build, a second copy whose classes the first
 * refuses ("from another module or realm"); requiring it gives the one copy the dependencies share, in tests and
 * in production alike (where both imports already meet in the CommonJS build).
 */
export const graphql: typeof import('graphql') = createRequire(import.meta.url)('graphql');
