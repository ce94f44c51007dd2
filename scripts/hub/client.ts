import type { Command } from 'commander';
import { authConfigFrom, authEnv, checkAuthEnv, ConfigError, parseEnv, signDevelopmentToken } from '@vo/kit';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** How a command ends: 0 passed or done, 1 the hub refused or the check failed, 2 it could not run. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: 0 | 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

/** Options every subgraph command takes. */
export interface HubOptions {
  hub?: string;
  token?: string;
  json?: boolean;
}

const env = z
  .object({
    HUB_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:4000'),
    HUB_TOKEN: z.string().optional(),
    ...authEnv,
  })
  .superRefine(checkAuthEnv);

function readEnv() {
  try {
    return parseEnv(env);
  } catch (error) {
    throw new CliExit(2, error instanceof ConfigError ? error.message : String(error));
  }
}

/** The hub's base URL: --hub, else HUB_URL, else http://localhost:4000. */
export function hubUrl(options: HubOptions): string {
  const url = options.hub ?? readEnv().HUB_URL;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new CliExit(2, `--hub "${url}" is not an http(s) URL.`);
  return url.replace(/\/+$/, '');
}

/**
 * The bearer token: --token, else HUB_TOKEN, else (development only) a token signed with the development key for
 * exactly `scopes`, said on stderr so --json output stays clean.
 */
export async function bearerToken(options: HubOptions, scopes: string[]): Promise<string> {
  const config = readEnv();
  const given = options.token ?? config.HUB_TOKEN;
  if (given) return given;
  const auth = authConfigFrom(config);
  if (config.NODE_ENV === 'production' || auth.mode !== 'development') {
    const scope = scopes.join(' ') || 'any scope';
    throw new CliExit(2, `No token: give --token <jwt> or set HUB_TOKEN to a token with ${scope} from your identity provider.`);
  }
  const what = scopes.length ? `for ${scopes.join(' ')}` : 'with no scopes';
  console.error(`No --token or HUB_TOKEN given: signed a development token ${what} (development only).`);
  return signDevelopmentToken(auth, { scopes, subject: 'hub-cli', expiresIn: '10m' });
}

/** Calls the hub's registry API; an unreachable hub or a non-JSON answer cannot run the command (exit 2). */
export async function callRegistry(base: string, method: 'GET' | 'POST', path: string, token: string, body?: unknown) {
  let response: Response;
  try {
    response = await fetch(`${base}/registry${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new CliExit(2, `Cannot reach the hub at ${base} (${reason}). Is it running (npm start)? Set HUB_URL or --hub to its address.`);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, any> };
  } catch {
    throw new CliExit(2, `The hub at ${base} answered HTTP ${response.status} without JSON: is it this hub's gateway?`);
  }
}

/** A subgraph's SDL from a file (--schema) or from the running subgraph itself (`_service { sdl }`). */
export async function readSdl(options: { schema?: string; url?: string }): Promise<string> {
  if (options.schema) {
    try {
      return readFileSync(options.schema, 'utf8');
    } catch (error) {
      throw new CliExit(2, `--schema: cannot read ${options.schema} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
  }
  if (!options.url) throw new CliExit(2, 'Give --schema <file> or --url <subgraph url> to say which SDL to use.');
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
      signal: AbortSignal.timeout(30_000),
    });
    const sdl = ((await response.json()) as { data?: { _service?: { sdl?: unknown } } }).data?._service?.sdl;
    if (typeof sdl === 'string') return sdl;
    throw new Error(`HTTP ${response.status} without _service.sdl`);
  } catch (error) {
    throw new CliExit(2, `--url: cannot read the SDL of the subgraph at ${options.url} (${(error as Error).message}).`);
  }
}

/** The options every registry command takes, added in one place. */
export function hubOptions(command: Command): Command {
  return command
    .option('--hub <url>', 'the hub gateway (default: HUB_URL or http://localhost:4000)')
    .option('--token <jwt>', 'a bearer token (default: HUB_TOKEN; in development a signed development token)')
    .option('--json', 'print the answer as JSON');
}

/** Wraps a command's action: a CliExit prints its message (if any) to stderr and exits with its code. */
export function run<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (!(error instanceof CliExit)) throw error;
      if (error.message) console.error(error.message);
      process.exit(error.exitCode);
    }
  };
}
