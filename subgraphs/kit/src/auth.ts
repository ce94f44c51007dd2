import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';
import { UnauthenticatedError } from './errors.js';
import { optionalString } from './env.js';
import { ANONYMOUS, type Viewer } from './roles.js';
import { currentLog } from './observability/request-scope.js';
import { serviceLogger } from './log.js';

/**
 * Development tokens are signed with this shared HS256 secret, so `npm start`, a standalone subgraph and
 * `npm run token` agree with no setup. It is public (it is in this file): production refuses it.
 */
export const DEVELOPMENT_SECRET = 'veilig-ondernemen-hub: development only, never in production';
export const DEVELOPMENT_ISSUER = 'urn:vo-hub:development';
export const DEVELOPMENT_AUDIENCE = 'urn:vo-hub';

/** Asymmetric algorithms a JWKS may use; `none` and shared-secret algorithms are never accepted from one. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** The environment every service reads for identity (merged into each service's own schema). */
export const authEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AUTH_JWKS_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  AUTH_ISSUER: optionalString,
  AUTH_AUDIENCE: optionalString,
  AUTH_DEV_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
};

type AuthEnv = z.infer<z.ZodObject<typeof authEnv>>;

/** Production needs a JWKS, an issuer and an audience and refuses the development key; a JWKS needs both claims. */
export function checkAuthEnv(env: AuthEnv, ctx: z.RefinementCtx) {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const production = env.NODE_ENV === 'production';
  if (production && env.AUTH_DEV_SECRET) problem('AUTH_DEV_SECRET', 'the development key is refused in production');
  for (const name of ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'] as const) {
    if (!env[name] && (production || env.AUTH_JWKS_URL)) {
      problem(name, production ? 'required in production' : 'required with AUTH_JWKS_URL');
    }
  }
}

export type AuthConfig =
  | { mode: 'jwks'; jwksUrl: string; issuer: string; audience: string }
  | { mode: 'development'; secret: string; issuer: string; audience: string };

export type DevelopmentAuthConfig = Extract<AuthConfig, { mode: 'development' }>;

export const DEVELOPMENT_AUTH: DevelopmentAuthConfig = {
  mode: 'development',
  secret: DEVELOPMENT_SECRET,
  issuer: DEVELOPMENT_ISSUER,
  audience: DEVELOPMENT_AUDIENCE,
};

/** The auth settings from an environment that passed `checkAuthEnv`. */
export function authConfigFrom(env: AuthEnv): AuthConfig {
  if (env.AUTH_JWKS_URL) {
    return { mode: 'jwks', jwksUrl: env.AUTH_JWKS_URL, issuer: env.AUTH_ISSUER!, audience: env.AUTH_AUDIENCE! };
  }
  return {
    mode: 'development',
    secret: env.AUTH_DEV_SECRET ?? DEVELOPMENT_SECRET,
    issuer: env.AUTH_ISSUER ?? DEVELOPMENT_ISSUER,
    audience: env.AUTH_AUDIENCE ?? DEVELOPMENT_AUDIENCE,
  };
}

const BEARER = /^Bearer +(\S+)$/i;

/** Builds the one function that turns an Authorization header into a Viewer, or refuses it with UNAUTHENTICATED. */
export function createAuthenticator(config: AuthConfig): (authorization: string | undefined) => Promise<Viewer> {
  const key = config.mode === 'jwks' ? createRemoteJWKSet(new URL(config.jwksUrl)) : new TextEncoder().encode(config.secret);
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: config.mode === 'jwks' ? JWKS_ALGORITHMS : ['HS256'],
    requiredClaims: ['exp'],
  };
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".', true);
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, options);
      return viewerFrom(payload);
    } catch (error) {
      throw new UnauthenticatedError(refusal(error), true);
    }
  };
}

function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired; get a new one.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not accepted here.`;
  if (!(error instanceof errors.JOSEError)) currentLog(serviceLogger('hub')).error({ err: error }, 'Token verification failed unexpectedly');
  return 'The token is malformed or not signed by a key this hub trusts.';
}

/** Scopes come from the OAuth `scope` claim (space-separated) or an `scp` array, as identity providers differ. */
function viewerFrom(payload: JWTPayload): Viewer {
  const scope = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  const scp = Array.isArray(payload.scp) ? payload.scp.filter((s): s is string => typeof s === 'string') : [];
  return {
    authenticated: true,
    subject: payload.sub,
    organisation: typeof payload.org === 'string' ? payload.org : undefined,
    scopes: new Set([...scope, ...scp].filter(Boolean)),
    ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp * 1000 } : {}),
  };
}

/** Signs a development token; only the development mode has a key to sign with. */
export async function signDevelopmentToken(
  config: AuthConfig,
  claims: { scopes: string[]; organisation?: string; subject?: string; expiresIn?: string | number },
): Promise<string> {
  if (config.mode !== 'development') throw new Error('Only the development mode signs tokens; a JWKS issuer signs its own.');
  return new SignJWT({ scope: claims.scopes.join(' '), ...(claims.organisation ? { org: claims.organisation } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject ?? 'development-user')
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(config.secret));
}
