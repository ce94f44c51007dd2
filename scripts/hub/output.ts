import { CliExit } from './client.js';

type Json = Record<string, any>;

const MARK: Record<string, string> = { fail: '✗', warn: '!', pass: '✓' };

/** Prints the answer: as JSON with --json, else for a person; stdout either way. */
export function print(json: boolean | undefined, body: Json, human: (body: Json) => string[]) {
  console.log(json ? JSON.stringify(body, null, 2) : human(body).join('\n'));
}

export function compositionErrorLines(errors: Json[]): string[] {
  return errors.flatMap((error) => {
    const where = (error.locations ?? []).map((l: Json) => `${l.subgraph}:${l.line}:${l.column}`).join(', ');
    return [`  ✗ ${error.code}  ${error.message}`, ...(where ? [`      at ${where}`] : [])];
  });
}

export function changeLines(changes: Json[]): string[] {
  return changes.flatMap((change) => [
    `  ${MARK[change.verdict] ?? '?'} ${change.criticality.padEnd(9)} ${change.path ?? ''}  ${change.message}`,
    ...(change.verdict === 'pass' ? [] : [`      ${change.reason}`]),
  ]);
}

/**
 * Ends a command after an answer that is not 200: a refusal of the schema itself (422: does not compose, cannot be
 * reached) is a failure (exit 1); anything else (bad arguments, token, unknown subgraph, hub trouble) could not run.
 */
export function refusal(json: boolean | undefined, status: number, body: Json): never {
  if (json) console.log(JSON.stringify(body, null, 2));
  else {
    console.error(`${body.code ?? `HTTP ${status}`}: ${body.message ?? 'the hub refused the request.'}`);
    if (Array.isArray(body.errors)) console.error(compositionErrorLines(body.errors).join('\n'));
  }
  throw new CliExit(status === 422 ? 1 : 2, '');
}

export const when = (iso: string) => iso.replace('T', ' ').slice(0, 19);
