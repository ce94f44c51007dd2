// `npm run hub -- subgraph new`: a subgraph made from templates/subgraph into a throwaway copy of the hub's layout
// passes its own tests with no edits, composes with the hub's subgraphs, type-checks, and its committed-style
// migration is what drizzle-kit would generate. Bad input exits 2 and changes nothing.
import { composeSupergraph, readSupergraphConfig } from '@vo/gateway/composition';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingSubgraphs, freePort, nameProblem, ownerProblem } from '../scripts/hub/scaffold.js';
import { SUBGRAPHS } from '../scripts/services.js';

const HUB = fileURLToPath(new URL('..', import.meta.url));
const NAME = 'harbour-watch';
const OWNER = "Havenbedrijf (test partner)";
const bin = (path: string) => join(HUB, 'node_modules', path);

/** A child process without this vitest's own variables (a nested vitest would think it is a worker) and without colours. */
function run(command: string[], cwd: string) {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))), NO_COLOR: '1' };
  const result = spawnSync(process.execPath, command, { cwd, env, encoding: 'utf8', timeout: 170_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
const hub = (root: string, ...args: string[]) => run(['--import', 'tsx', join(HUB, 'scripts/hub.ts'), 'subgraph', 'new', ...args, '--root', root], HUB);

/** A hub-shaped folder: package.json with workspaces, subgraphs/, and the hub's node_modules (for @vo/kit, vitest, tsc). */
function hubLayout(): string {
  const root = mkdtempSync(join(tmpdir(), 'vo-scaffold-'));
  mkdirSync(join(root, 'subgraphs', 'existing-partner'), { recursive: true });
  symlinkSync(join(HUB, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'hub-copy', private: true, workspaces: ['subgraphs/kit', 'gateway'] }, null, 2)}\n`);
  return root;
}

/** Every file under `dir` with its content, to show that a refused command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.parentPath.includes('node_modules'))
      .map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
  );
}

let root: string;
let created: { status: number | null; output: string };
const dir = () => join(root, 'subgraphs', NAME);
beforeAll(() => {
  root = hubLayout();
  created = hub(root, NAME, '--owner', OWNER, '--no-install');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('subgraph names and owners', () => {
  it('accepts lowercase names and refuses anything else, reserved names and taken ones, naming the rule', () => {
    expect(nameProblem('riec', ['funding'])).toBeNull();
    expect(nameProblem('port-of-rotterdam2', [])).toBeNull();
    for (const bad of ['Riec', '1riec', 'riec_2', 'riec!', '', 'riec-', 'a--b']) expect(nameProblem(bad, []), bad).toMatch(/is not a subgraph name/);
    expect(nameProblem('kit', [])).toMatch(/reserved/);
    expect(nameProblem('x'.repeat(41), [])).toMatch(/too long/);
    expect(nameProblem('funding', ['cyber', 'funding'])).toBe('A subgraph "funding" already exists (existing: cyber, funding); pick another name.');
    expect(ownerProblem('RIEC')).toBeNull();
    expect(ownerProblem('  ')).toMatch(/--owner/);
    expect(ownerProblem('Evil */ owner')).toMatch(/letters, digits/);
  });

  it("knows the hub's own subgraphs and picks a default port none of them uses", () => {
    expect(existingSubgraphs(HUB)).toEqual(expect.arrayContaining(SUBGRAPHS.map((s) => s.name)));
    const port = freePort(HUB);
    expect(port).toBeGreaterThan(Math.max(...SUBGRAPHS.map((s) => s.port)));
  });

  it.each([
    ['a name with capitals', ['Harbour', '--owner', 'X'], /"Harbour" is not a subgraph name/],
    ['a taken name', ['existing-partner', '--owner', 'X'], /already exists/],
    ['no owner', ['another-partner'], /--owner/],
  ])('refuses %s with exit 2 and changes nothing', (_, args, message) => {
    const before = snapshot(root);
    const result = hub(root, ...args);
    expect(result.output).toMatch(message);
    expect(result.status).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });
});

describe("the hub's workspaces", () => {
  it('are in sync with package-lock.json, as npm ci needs: every subgraph made with new was installed', () => {
    const copy = mkdtempSync(join(tmpdir(), 'vo-npm-ci-'));
    try {
      const workspaces: string[] = JSON.parse(readFileSync(join(HUB, 'package.json'), 'utf8')).workspaces;
      const folders = readdirSync(join(HUB, 'subgraphs')).filter((name) => existsSync(join(HUB, 'subgraphs', name, 'package.json')));
      expect(folders.map((name) => `subgraphs/${name}`).filter((folder) => !workspaces.includes(folder))).toEqual([]);
      for (const file of ['package.json', 'package-lock.json', ...workspaces.map((w) => `${w}/package.json`)]) {
        mkdirSync(join(copy, file, '..'), { recursive: true });
        writeFileSync(join(copy, file), readFileSync(join(HUB, file)));
      }
      const npm = spawnSync('npm', ['ci', '--dry-run', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
        cwd: copy, encoding: 'utf8', shell: process.platform === 'win32', timeout: 120_000,
      });
      expect(npm.stderr).not.toMatch(/in sync|EUSAGE/);
      expect(npm.status, npm.stderr).toBe(0);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('a scaffolded subgraph', () => {
  it('is created with every part and registered as a workspace', () => {
    expect(created.output).toContain(`Created subgraphs/${NAME}`);
    expect(created.status).toBe(0);
    for (const file of ['package.json', 'src/schema.graphql', 'src/main.ts', 'src/config.ts', 'src/loaders.ts', 'src/db/schema.ts', 'src/seed/index.ts',
      'src/resolvers/HarbourWatchReport.ts', 'src/resolvers/Mutation.ts', 'src/writes/rules.ts', 'test/writes.test.ts', 'migrations/0000_init.sql', 'migrations/meta/_journal.json', 'migrations/meta/0000_snapshot.json', `test/${NAME}.test.ts`]) {
      expect(existsSync(join(dir(), file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.workspaces).toEqual(['subgraphs/kit', `subgraphs/${NAME}`, 'gateway']);
    expect(JSON.parse(readFileSync(join(dir(), 'package.json'), 'utf8'))).toMatchObject({ name: `@vo/${NAME}`, scripts: { start: 'tsx src/main.ts' } });
    expect(readFileSync(join(dir(), 'src/db/schema.ts'), 'utf8')).toContain(`pgSchema('${NAME}')`);
    expect(readFileSync(join(dir(), 'src/subgraph.ts'), 'utf8')).toContain(`owned by ${OWNER}`);
  });

  it('passes its own tests in a child process, with no edits: the example entity, and its write done right', () => {
    const result = run([bin('vitest/vitest.mjs'), 'run'], dir());
    expect(result.output).toMatch(/Tests\s+9 passed/);
    expect(result.status, result.output).toBe(0);
  });

  it("composes with the hub's subgraphs: its Region extension meets the regions subgraph's Region by key", () => {
    const hubSubgraphs = readSupergraphConfig(join(HUB, 'schema/supergraph.yaml'));
    const sdl = readFileSync(join(dir(), 'src/schema.graphql'), 'utf8');
    const result = composeSupergraph([...hubSubgraphs, { name: NAME, url: 'http://localhost:4999/graphql', owner: OWNER, sdl }]);
    expect(result.errors).toBeUndefined();
    expect(result.supergraphSdl).toMatch(/harbourWatchReports\(.*\): \[HarbourWatchReport!\]! @join__field\(graph: HARBOUR_WATCH\)/s);
  });

  it("has the migration drizzle-kit would generate from its db/schema.ts, and type-checks under the hub's strict tsconfig", () => {
    const drizzle = run([bin('drizzle-kit/bin.cjs'), 'generate'], dir());
    expect(drizzle.output).toContain('No schema changes');
    expect(readdirSync(join(dir(), 'migrations')).sort()).toEqual(['0000_init.sql', 'meta']);
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ extends: join(HUB, 'tsconfig.json'), include: [`subgraphs/${NAME}/**/*.ts`] }));
    const tsc = run([bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], root);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);
  });
});
