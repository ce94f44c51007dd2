// The operation limits read from the environment: defaults, overrides, and every problem reported at once.
import { ConfigError } from '@vo/kit';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.js';
import { DEFAULT_LIMITS } from '../src/limits.js';

describe('operation limits from the environment', () => {
  it('defaults to DEFAULT_LIMITS, with trusted documents off', () => {
    const config = loadGatewayConfig({});
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.TRUSTED_DOCUMENTS).toBe(false);
    expect(config.TRUSTED_DOCUMENTS_PATH).toBe('schema/trusted-documents.json');
  });

  it('reads each limit from its variable', () => {
    const config = loadGatewayConfig({
      MAX_QUERY_DEPTH: '7', MAX_QUERY_ALIASES: '0', MAX_QUERY_ROOT_FIELDS: '3', MAX_QUERY_DIRECTIVES: '4', MAX_QUERY_TOKENS: '500',
      MAX_PAGE_SIZE: '25', MAX_QUERY_COST: '900', COST_DEFAULT_LIST_SIZE: '5', MAX_BODY_BYTES: '65536', TRUSTED_DOCUMENTS: 'true',
    });
    expect(config.limits).toEqual({
      maxDepth: 7, maxAliases: 0, maxRootFields: 3, maxDirectives: 4, maxTokens: 500,
      maxPageSize: 25, maxCost: 900, defaultListSize: 5, maxBodyBytes: 65536,
    });
    expect(config.TRUSTED_DOCUMENTS).toBe(true);
  });

  it('refuses a page size above the subgraphs\' maximum and nonsense values, listing every problem', () => {
    const load = () => loadGatewayConfig({ MAX_PAGE_SIZE: '500', MAX_QUERY_DEPTH: 'deep', MAX_QUERY_COST: '-1', TRUSTED_DOCUMENTS: 'yes' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/MAX_PAGE_SIZE[\s\S]*MAX_QUERY_DEPTH|MAX_QUERY_DEPTH[\s\S]*MAX_PAGE_SIZE/);
    try {
      load();
    } catch (error) {
      for (const name of ['MAX_PAGE_SIZE', 'MAX_QUERY_DEPTH', 'MAX_QUERY_COST', 'TRUSTED_DOCUMENTS']) expect((error as Error).message).toContain(name);
    }
  });
});
