import type { RequestHandler } from 'express';
import { parse, type OperationDefinitionNode } from 'graphql';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Apollo's persisted query manifest format, which Apollo Router and GraphOS read as well. */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(['query', 'mutation', 'subscription']), body: z.string() })),
});

export type TrustedDocuments = z.infer<typeof manifestSchema>;

/** The id Apollo's persisted queries use: the SHA-256 of the exact document text, in hex. */
export const documentId = (body: string) => createHash('sha256').update(body).digest('hex');

/** Builds the manifest from a folder of .graphql files, one named operation each, in file-name order. */
export function buildTrustedDocuments(folder: string): TrustedDocuments {
  const files = readdirSync(folder).filter((file) => file.endsWith('.graphql')).sort();
  const operations = files.map((file) => {
    const body = readFileSync(join(folder, file), 'utf8');
    const operation = parse(body).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    if (!operation?.name) throw new Error(`${file}: a trusted document needs one named operation.`);
    return { id: documentId(body), name: operation.name.value, type: operation.operation, body };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** Reads a manifest, refusing one whose ids do not match its bodies. */
export function readTrustedDocuments(path: string): TrustedDocuments {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const wrong = manifest.operations.find((operation) => operation.id !== documentId(operation.body));
  if (wrong) throw new Error(`${path}: the id of ${wrong.name} is not the SHA-256 of its body; run npm run documents.`);
  return manifest;
}

interface OperationRequest {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/** A GET request carries its operation in the URL, with `extensions` as JSON. */
function fromUrl(url: string): OperationRequest {
  const params = new URL(url, 'http://hub').searchParams;
  try {
    return { query: params.get('query') ?? undefined, extensions: JSON.parse(params.get('extensions') ?? '{}') };
  } catch {
    return { query: params.get('query') ?? undefined };
  }
}

function refusal(request: OperationRequest, known: Set<string>): { code: string; message: string } | undefined {
  if (typeof request?.query === 'string') {
    if (known.has(documentId(request.query))) return undefined;
    return {
      code: 'PERSISTED_QUERY_NOT_IN_LIST',
      message:
        'This hub runs only registered operations (trusted documents), and this query is not one of them. Send the ' +
        'id of a registered operation in extensions.persistedQuery.sha256Hash; the ids are in schema/trusted-documents.json.',
    };
  }
  const id = request?.extensions?.persistedQuery?.sha256Hash;
  if (id === undefined || (typeof id === 'string' && known.has(id))) return undefined;
  return {
    code: 'PERSISTED_QUERY_NOT_FOUND',
    message: `No registered operation has the id ${JSON.stringify(id)}; the ids are in schema/trusted-documents.json.`,
  };
}

/**
 * Trusted-documents mode: lets through only requests for a registered operation, by id or by its exact text, before
 * Apollo parses anything. Apollo then finds a document sent by id in `trustedDocumentStore`. Requests with neither
 * a query nor an id pass on, for Apollo to refuse.
 */
export function trustedDocumentsOnly(manifest: TrustedDocuments): RequestHandler {
  const known = new Set(manifest.operations.map((operation) => operation.id));
  return (req, res, next) => {
    const body: unknown = req.method === 'GET' ? fromUrl(req.url) : req.body;
    const requests = (Array.isArray(body) ? body : [body]) as OperationRequest[];
    const refused = requests.map((request) => refusal(request, known)).find(Boolean);
    if (!refused) return next();
    res.status(400).json({ errors: [{ message: refused.message, extensions: { code: refused.code } }] });
  };
}

/** A read-only persisted-query store for Apollo Server holding the manifest's documents; nothing can register more. */
export function trustedDocumentStore(manifest: TrustedDocuments) {
  const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
  return {
    // Apollo prefixes its keys ("apq:<id>").
    async get(key: string) {
      return bodies.get(key.slice(key.lastIndexOf(':') + 1));
    },
    async set() {},
    async delete() {
      return false;
    },
  };
}
