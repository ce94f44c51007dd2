import { SUBGRAPHS } from '../../scripts/services.js';

type Env = Record<string, string | undefined>;

/** A compose duration ("15s", "1m30s", "500ms") in seconds. */
export function seconds(duration: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  const parts = [...String(duration).matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0) throw new Error(`Not a compose duration: ${duration}`);
  return parts.reduce((sum, [, value, unit]) => sum + Number(value) * units[unit], 0);
}

/** What an operator sets, as docker-compose.yml's header asks: an identity provider for production. */
const OPERATOR_ENV: Record<string, string> = {
  AUTH_JWKS_URL: 'https://login.example.nl/.well-known/jwks.json',
  AUTH_ISSUER: 'https://login.example.nl/',
  AUTH_AUDIENCE: 'veilig-ondernemen-hub',
};

/** Compose's `${NAME:-default}` filled in as compose would, with the operator's settings above. */
export function interpolate(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [
      key,
      String(value).replace(/\$\{(\w+)(?::-([^}]*))?\}/g, (_, name: string, fallback = '') => OPERATOR_ENV[name] ?? fallback),
    ]),
  );
}

/** A service's config loader (the one its main.ts calls), and which variables it reads. */
export async function configKeys(service: { name: string; main: string }) {
  const load: (env: Env) => unknown =
    service.name === 'gateway'
      ? (await import('@vo/gateway/config')).loadGatewayConfig
      : (await import(new URL(`../../${service.main.replace(/main\.ts$/, 'config.ts')}`, import.meta.url).href)).loadConfig;
  // An environment that lists no variables but records every one the config asks for by name.
  const read = new Set<string>();
  const probe = new Proxy({} as Env, {
    get: (_target, key) => (typeof key === 'string' && read.add(key), undefined),
    ownKeys: () => [],
  });
  load(probe);
  const names = SUBGRAPHS.map((s) => s.name.toUpperCase()).join('|');
  // The gateway also reads SUBGRAPH_<NAME>_URL and SUBGRAPH_<NAME>_TIMEOUT_MS by pattern; only real names count.
  const perSubgraph = new RegExp(`^SUBGRAPH_(${names})_(URL|TIMEOUT_MS)$`);
  return { load, known: (key: string) => read.has(key) || (service.name === 'gateway' && perSubgraph.test(key)) };
}

/** The sources of the Dockerfile's COPY instructions, relative to the build context. */
export function dockerCopies(dockerfile: string): string[] {
  return dockerfile
    .split('\n')
    .filter((line) => /^COPY\s/i.test(line))
    .flatMap((line) => line.trim().split(/\s+/).slice(1).filter((arg) => !arg.startsWith('--')).slice(0, -1))
    .map((source) => source.replace(/^\.\//, '').replace(/\/$/, ''));
}

/** Whether .dockerignore keeps a path (or a folder above it) out of the build context. */
export function dockerIgnored(dockerignore: string): (path: string) => boolean {
  const patterns = dockerignore
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((pattern) => {
      if (pattern.startsWith('!')) throw new Error('Exceptions in .dockerignore are not checked here');
      const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '\u0000')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replace(/\u0000/g, '(?:.*/)?');
      return new RegExp(`^${source}$`);
    });
  return (path) => {
    const segments = path.split('/');
    const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
    return prefixes.some((prefix) => patterns.some((pattern) => pattern.test(prefix)));
  };
}
