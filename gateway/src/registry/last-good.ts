import { serviceLogger } from '@vo/kit';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Keeps the supergraph the gateway last switched to on its own disk, so it can start serving when the registry's
 * database is unreachable. Written to a temporary file and renamed, so a crash never leaves half a supergraph.
 * A failure is logged, not thrown: the switch itself succeeded, and the file is only the safety net.
 */
export function writeLastGood(path: string, supergraphSdl: string) {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, supergraphSdl);
    renameSync(temporary, path);
  } catch (error) {
    serviceLogger('gateway').error(`Could not write the last good supergraph to ${path} (REGISTRY_LAST_GOOD_PATH): ${(error as Error).message}`);
  }
}

export function readLastGood(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
