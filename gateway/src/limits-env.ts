import { MAX_PAGE_SIZE } from '@vo/kit';
import { z } from 'zod';
import { DEFAULT_LIMITS, type OperationLimits } from './limits.js';

const count = (fallback: number, max = 1_000_000, min = 1) => z.coerce.number().int().min(min).max(max).default(fallback);

/** The gateway's environment for operation limits and trusted documents; config.ts spreads it into its schema. */
export const limitsEnv = {
  MAX_QUERY_DEPTH: count(DEFAULT_LIMITS.maxDepth),
  MAX_QUERY_ALIASES: count(DEFAULT_LIMITS.maxAliases, 1_000_000, 0),
  MAX_QUERY_ROOT_FIELDS: count(DEFAULT_LIMITS.maxRootFields),
  MAX_QUERY_DIRECTIVES: count(DEFAULT_LIMITS.maxDirectives, 1_000_000, 0),
  MAX_QUERY_TOKENS: count(DEFAULT_LIMITS.maxTokens),
  // Above the subgraphs' own maximum a larger page would only be refused one step later.
  MAX_PAGE_SIZE: count(DEFAULT_LIMITS.maxPageSize, MAX_PAGE_SIZE),
  MAX_QUERY_COST: count(DEFAULT_LIMITS.maxCost, Number.MAX_SAFE_INTEGER),
  COST_DEFAULT_LIST_SIZE: count(DEFAULT_LIMITS.defaultListSize),
  MAX_BODY_BYTES: count(DEFAULT_LIMITS.maxBodyBytes, 100 * 1024 * 1024),
  TRUSTED_DOCUMENTS: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  TRUSTED_DOCUMENTS_PATH: z.string().default('schema/trusted-documents.json'),
};

type LimitsEnv = z.infer<z.ZodObject<typeof limitsEnv>>;

export function limitsFrom(env: LimitsEnv): OperationLimits {
  return {
    maxDepth: env.MAX_QUERY_DEPTH,
    maxAliases: env.MAX_QUERY_ALIASES,
    maxRootFields: env.MAX_QUERY_ROOT_FIELDS,
    maxDirectives: env.MAX_QUERY_DIRECTIVES,
    maxTokens: env.MAX_QUERY_TOKENS,
    maxPageSize: env.MAX_PAGE_SIZE,
    maxCost: env.MAX_QUERY_COST,
    defaultListSize: env.COST_DEFAULT_LIST_SIZE,
    maxBodyBytes: env.MAX_BODY_BYTES,
  };
}
