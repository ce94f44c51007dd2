// Token verification in both modes, with real keys: the development secret and a JWKS served over HTTP.
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authConfigFrom, authEnv, checkAuthEnv, createAuthenticator, DEVELOPMENT_AUTH, signDevelopmentToken, type AuthConfig } from '../src/auth.js';
import { ConfigError, parseEnv } from '../src/env.js';

const ISSUER = 'https://idp.example.test/';
const AUDIENCE = 'vo-hub';
let jwks: Server;
let jwksUrl: string;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  const body = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] });
  jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise((resolve) => jwks?.close(resolve)));

const jwksConfig = (): AuthConfig => ({ mode: 'jwks', jwksUrl, issuer: ISSUER, audience: AUDIENCE });
const idpToken = (claims: { iss?: string; aud?: string; exp?: string | number } = {}, key: CryptoKey = privateKey) =>
  new SignJWT({ scope: 'region:NN:read', org: 'dtc' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setSubject('dashboard-nn')
    .setExpirationTime(claims.exp ?? '5m')
    .sign(key);

async function refusal(config: AuthConfig, header: string) {
  const error = await createAuthenticator(config)(header).then(() => undefined, (e: unknown) => e as { message: string; extensions: Record<string, unknown> });
  expect(error, header).toBeDefined();
  expect(error!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  return error!.message;
}

describe('development tokens', () => {
  it('verify into a viewer with the roles and organisation they carry', async () => {
    const token = await signDevelopmentToken(DEVELOPMENT_AUTH, { scopes: ['national:read', 'riec:read'], organisation: 'ccv' });
    const viewer = await createAuthenticator(DEVELOPMENT_AUTH)(`Bearer ${token}`);
    expect(viewer).toMatchObject({ authenticated: true, organisation: 'ccv', subject: 'development-user' });
    expect([...viewer.scopes]).toEqual(['national:read', 'riec:read']);
    expect(await createAuthenticator(DEVELOPMENT_AUTH)(undefined)).toMatchObject({ authenticated: false });
  });

  it('refuse forged, expired, malformed, wrong-audience, wrong-issuer and alg:none tokens with UNAUTHENTICATED', async () => {
    const forged = await signDevelopmentToken({ ...DEVELOPMENT_AUTH, secret: 'someone else entirely, 32+ characters long' }, { scopes: ['national:read'] });
    expect(await refusal(DEVELOPMENT_AUTH, `Bearer ${forged}`)).toMatch(/not signed by a key this hub trusts/);
    const expired = await signDevelopmentToken(DEVELOPMENT_AUTH, { scopes: ['national:read'], expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect(await refusal(DEVELOPMENT_AUTH, `Bearer ${expired}`)).toMatch(/expired/);
    expect(await refusal(DEVELOPMENT_AUTH, 'Bearer not.a.jwt')).toMatch(/malformed/);
    expect(await refusal(DEVELOPMENT_AUTH, 'Basic dXNlcjpwYXNz')).toMatch(/Bearer <token>/);
    const otherAudience = await signDevelopmentToken({ ...DEVELOPMENT_AUTH, audience: 'another-api' }, { scopes: ['national:read'] });
    expect(await refusal(DEVELOPMENT_AUTH, `Bearer ${otherAudience}`)).toMatch(/"aud" claim/);
    const otherIssuer = await signDevelopmentToken({ ...DEVELOPMENT_AUTH, issuer: 'urn:elsewhere' }, { scopes: ['national:read'] });
    expect(await refusal(DEVELOPMENT_AUTH, `Bearer ${otherIssuer}`)).toMatch(/"iss" claim/);
    const unsigned = new UnsecuredJWT({ scope: 'national:read' }).setIssuer(DEVELOPMENT_AUTH.issuer).setAudience(DEVELOPMENT_AUTH.audience).setExpirationTime('5m').encode();
    expect(unsigned.split('.')[2]).toBe('');
    expect(await refusal(DEVELOPMENT_AUTH, `Bearer ${unsigned}`)).toMatch(/malformed/);
  });
});

describe('JWKS mode', () => {
  it('verifies an identity provider’s token against the keys it serves over HTTP', async () => {
    const viewer = await createAuthenticator(jwksConfig())(`Bearer ${await idpToken()}`);
    expect(viewer).toMatchObject({ authenticated: true, organisation: 'dtc', subject: 'dashboard-nn' });
    expect([...viewer.scopes]).toEqual(['region:NN:read']);
  });

  it('refuses another key, the wrong audience or issuer, an expired token, alg:none and a development token', async () => {
    const stranger = (await generateKeyPair('ES256')).privateKey;
    expect(await refusal(jwksConfig(), `Bearer ${await idpToken({}, stranger)}`)).toMatch(/not signed/);
    expect(await refusal(jwksConfig(), `Bearer ${await idpToken({ aud: 'other' })}`)).toMatch(/"aud"/);
    expect(await refusal(jwksConfig(), `Bearer ${await idpToken({ iss: 'https://evil.example/' })}`)).toMatch(/"iss"/);
    expect(await refusal(jwksConfig(), `Bearer ${await idpToken({ exp: Math.floor(Date.now() / 1000) - 60 })}`)).toMatch(/expired/);
    const unsigned = new UnsecuredJWT({ scope: 'national:read' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').encode();
    expect(await refusal(jwksConfig(), `Bearer ${unsigned}`)).toMatch(/malformed/);
    // A shared-secret token is never accepted where a JWKS is configured (no algorithm confusion).
    const hs = await signDevelopmentToken({ ...DEVELOPMENT_AUTH, issuer: ISSUER, audience: AUDIENCE }, { scopes: ['national:read'] });
    expect(await refusal(jwksConfig(), `Bearer ${hs}`)).toMatch(/not signed/);
  });
});

describe('auth configuration', () => {
  const read = (env: Record<string, string>) => authConfigFrom(parseEnv(z.object(authEnv).superRefine(checkAuthEnv), env));

  it('uses the development key with no setup, and a JWKS when one is configured', () => {
    expect(read({})).toEqual(DEVELOPMENT_AUTH);
    expect(read({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE })).toEqual({
      mode: 'jwks', jwksUrl: 'https://idp.example/jwks', issuer: ISSUER, audience: AUDIENCE,
    });
  });

  it('in production requires a JWKS, issuer and audience and refuses the development key, listing every problem', () => {
    expect(() => read({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => read({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL: required in production[\s\S]*AUTH_ISSUER[\s\S]*AUTH_AUDIENCE/);
    const complete = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE };
    expect(read(complete).mode).toBe('jwks');
    expect(() => read({ ...complete, AUTH_DEV_SECRET: 'x'.repeat(40) })).toThrow(/AUTH_DEV_SECRET: the development key is refused in production/);
    expect(() => read({ AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/AUTH_ISSUER: required with AUTH_JWKS_URL/);
  });
});
