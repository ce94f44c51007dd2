import type { Viewer } from '@vo/kit';
import { hash } from 'node:crypto';

/** One POSTed GraphQL operation, as far as the cache reads it. */
export interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/** JSON with object keys sorted at every depth: equal variables in any order give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What the subgraphs may base an answer on about the caller: signed in or not, the organisation and the scopes,
 * sorted. Never the token (two tokens of one role share answers) and not the subject: no read resolver looks at it
 * (only the audit of a write does, kit audit.ts).
 */
export function accessScope(viewer: Viewer): string {
  let scope = scopes.get(viewer);
  if (scope === undefined) {
    scope = canonicalJson([viewer.authenticated, viewer.organisation ?? null, [...viewer.scopes].sort()]);
    scopes.set(viewer, scope);
  }
  return scope;
}

// The verified viewer of a token is remembered (identity.ts), so its scope is worked out once, not per request.
const scopes = new WeakMap<Viewer, string>();

// Documents are few (a dashboard sends the same handful all day) and long: each is hashed once, not per request.
// Past the bound (someone sending ever new documents) the memo starts over.
const MAX_DOCUMENTS = 1000;
const documentHashes = new Map<string, string>();

const sha256 = (text: string) => hash('sha256', text, 'base64url');

function documentHash(document: string): string {
  let known = documentHashes.get(document);
  if (known === undefined) {
    if (documentHashes.size >= MAX_DOCUMENTS) documentHashes.clear();
    known = sha256(document);
    documentHashes.set(document, known);
  }
  return known;
}

/** The document the request names: its text, or the id of a persisted (trusted) document. Undefined: not cacheable. */
function documentOf(request: OperationRequest): string | undefined {
  if (typeof request.query === 'string') return `text:${request.query}`;
  const id = request.extensions?.persistedQuery?.sha256Hash;
  return typeof id === 'string' ? `id:${id}` : undefined;
}

export interface KeyParts {
  /** Moves on every supergraph load or update: no answer planned on an old schema is served. */
  generation: number;
  scope: string;
  /** Today in Dutch time: resolvers default `asOf` to today, so an answer may change at midnight with no write. */
  today: string;
  /** The Accept header picks the response's content type. */
  accept: string;
}

/** The cache key of a request, or undefined for one the cache does not handle (a batch, no document). */
export function answerKey(request: OperationRequest, parts: KeyParts): string | undefined {
  const document = documentOf(request);
  if (document === undefined) return undefined;
  const { operationName, variables } = request;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  // JSON keeps the fields apart whatever they hold; the key is kept as it is (its length counts against the bound).
  return JSON.stringify([parts.generation, documentHash(document), operationName ?? '', canonicalJson(variables ?? {}), parts.scope, parts.today, parts.accept]);
}
