import { createAuthenticator, DEVELOPMENT_AUTH, type AuthConfig } from '@vo/kit';
import type { Request } from 'express';

/** What the gateway keeps of a request: the verified token, to forward to the subgraphs. */
export interface GatewayContext {
  authorization?: string;
}

/**
 * Verifies the bearer token before any planning, so a bad token is refused (401, UNAUTHENTICATED) at the
 * door. The gateway forwards the token itself, never claims of its own: each subgraph verifies it again.
 */
export function gatewayContext(auth: AuthConfig = DEVELOPMENT_AUTH) {
  const authenticate = createAuthenticator(auth);
  return async ({ req }: { req: Request }): Promise<GatewayContext> => {
    const authorization = req.headers.authorization;
    await authenticate(authorization);
    return authorization ? { authorization } : {};
  };
}

const SECURITY_LINK = /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v[\d.]+"), for: SECURITY\)/g;

/**
 * @apollo/gateway refuses a supergraph whose access directives are linked `for: SECURITY`, as it cannot
 * enforce them. The subgraphs enforce them, so the gateway loads them as plain metadata; the committed
 * supergraph keeps the standard links.
 */
export const withSubgraphEnforcedSecurity = (supergraphSdl: string) => supergraphSdl.replace(SECURITY_LINK, '$1)');
