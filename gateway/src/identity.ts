import { ANONYMOUS, createAuthenticator, DEVELOPMENT_AUTH, type AuthConfig, type Viewer } from '@vo/kit';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { PendingAnswer } from './cache/store.js';
import { requestStarted } from './in-flight.js';

/** What the gateway keeps of a request: the verified token, to forward to the subgraphs. */
export interface GatewayContext {
  authorization?: string;
  /** The response cache's record of this request (cache/store.ts): the subgraphs it calls, whether it may be kept. */
  responseCache?: PendingAnswer;
  /** When the request began, on in-flight.ts's clock: it may share only subgraph reads that began later. */
  startedAt?: number;
}

/** Turns an Authorization header into the verified caller, or throws UNAUTHENTICATED. */
export interface TokenVerifier {
  (authorization: string | undefined): Promise<Viewer>;
  /** The caller of a token verified recently enough to be trusted again, at once; undefined when it must be verified. */
  remembered(authorization: string | undefined): Viewer | undefined;
}

// A verified token is trusted again without a signature check for at most this long, so a key a JWKS withdraws
// stops being accepted within a minute; and never past the token's own expiry.
const REVERIFY_MS = 60_000;
const REMEMBERED_TOKENS = 10_000;

/**
 * The gateway's token check, done once per token string rather than once per request: the cache's hit path must be
 * cheap, and a dashboard sends the same token all day. Bounded in entries; an expired token is refused again.
 */
export function tokenVerifier(auth: AuthConfig = DEVELOPMENT_AUTH): TokenVerifier {
  const authenticate = createAuthenticator(auth);
  const verified = new LRUCache<string, { viewer: Viewer; until: number }>({ max: REMEMBERED_TOKENS });
  const remembered = (authorization: string | undefined) => {
    if (!authorization) return ANONYMOUS;
    const known = verified.get(authorization);
    return known && known.until > Date.now() ? known.viewer : undefined;
  };
  const verify = async (authorization: string | undefined) => {
    const known = remembered(authorization);
    if (known) return known;
    const viewer = await authenticate(authorization!);
    verified.set(authorization!, { viewer, until: Math.min(viewer.expiresAt ?? 0, Date.now() + REVERIFY_MS) });
    return viewer;
  };
  return Object.assign(verify, { remembered });
}

/**
 * Verifies the bearer token before any planning, so a bad token is refused (401, UNAUTHENTICATED) at the
 * door. The gateway forwards the token itself, never claims of its own: each subgraph verifies it again.
 */
export function gatewayContext(verify: TokenVerifier = tokenVerifier()) {
  return async ({ req, res }: { req: Request; res?: Response }): Promise<GatewayContext> => {
    const authorization = req.headers.authorization;
    await verify(authorization);
    const responseCache = res?.locals.responseCache as PendingAnswer | undefined;
    return { ...(authorization ? { authorization } : {}), ...(responseCache ? { responseCache } : {}), startedAt: requestStarted() };
  };
}

const SECURITY_LINK = /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v[\d.]+"), for: SECURITY\)/g;

/**
 * @apollo/gateway refuses a supergraph whose access directives are linked `for: SECURITY`, as it cannot
 * enforce them. The subgraphs enforce them, so the gateway loads them as plain metadata; the committed
 * supergraph keeps the standard links.
 */
export const withSubgraphEnforcedSecurity = (supergraphSdl: string) => supergraphSdl.replace(SECURITY_LINK, '$1)');
