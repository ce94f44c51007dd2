// Prints a development token: npm run token -- --scope region:NN:read [--scope ...] [--org dtc] [--expires 1h]
import { authConfigFrom, authEnv, checkAuthEnv, isOrganisationKnown, loadConfigOrExit, parseEnv, scopeProblem, signDevelopmentToken } from '@vo/kit';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const USAGE = 'Usage: npm run token -- --scope <role> [--scope <role> ...] [--org <organisation id>] [--expires 1h]';
const DURATION = /^\d+(s|m|h|d)$/;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function readFlags() {
  try {
    return parseArgs({
      options: { scope: { type: 'string', multiple: true }, org: { type: 'string' }, expires: { type: 'string', default: '1h' } },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const REFUSED = 'npm run token issues development tokens only; in production (or with AUTH_JWKS_URL) your identity provider issues them.';
if (loadConfigOrExit(() => parseEnv(z.object({ NODE_ENV: authEnv.NODE_ENV }))).NODE_ENV === 'production') fail(REFUSED);
const auth = authConfigFrom(loadConfigOrExit(() => parseEnv(z.object(authEnv).superRefine(checkAuthEnv))));
if (auth.mode !== 'development') fail(REFUSED);
const flags = readFlags();
const scopes = flags.scope ?? [];
const problems = scopes.map(scopeProblem).filter((problem) => problem !== null);
if (problems.length) fail(problems.join('\n'));
if (flags.org !== undefined && !isOrganisationKnown(flags.org)) fail(`--org "${flags.org}" is not an organisation the hub knows (see { organisations { nodes { id } } }).`);
if (!DURATION.test(flags.expires)) fail(`--expires "${flags.expires}" must be a number with s, m, h or d, for example 1h.`);
if (scopes.length === 0 && flags.org === undefined) fail('Give at least one --scope or an --org.');

console.log(await signDevelopmentToken(auth, { scopes, organisation: flags.org, expiresIn: flags.expires }));
