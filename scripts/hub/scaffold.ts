// Creates a partner subgraph from templates/subgraph: names checked, placeholders filled, files written all at once.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/subgraph/', import.meta.url));

/** Names that are taken by the hub itself: its shared packages, drizzle's migrations schema, Postgres' default schema. */
const RESERVED = ['kit', 'gateway', 'drizzle', 'public', 'schema', 'templates'];
const NAME = /^[a-z][a-z0-9-]*$/;
const MAX_NAME_LENGTH = 40;
const OWNER = /^[\p{L}\p{N} .,&()'/-]+$/u;
const FIRST_SUBGRAPH_PORT = 4001;

/** A problem the caller can fix (a bad name, a taken name): the command prints it and exits 2, having changed nothing. */
export class ScaffoldInputError extends Error {}

/** The subgraphs the hub already has: folders under subgraphs/ and names in schema/supergraph.yaml. */
export function existingSubgraphs(root: string): string[] {
  const folders = existsSync(join(root, 'subgraphs'))
    ? readdirSync(join(root, 'subgraphs')).filter((entry) => !entry.startsWith('.') && statSync(join(root, 'subgraphs', entry)).isDirectory())
    : [];
  const configPath = join(root, 'schema', 'supergraph.yaml');
  const composed = existsSync(configPath) ? Object.keys(parseYaml(readFileSync(configPath, 'utf8'))?.subgraphs ?? {}) : [];
  return [...new Set([...folders, ...composed])].sort();
}

/** Why `name` cannot be a new subgraph, or null when it can. */
export function nameProblem(name: string, existing: string[]): string | null {
  if (!NAME.test(name)) {
    return `"${name}" is not a subgraph name: use lowercase letters, digits and hyphens, starting with a letter ([a-z][a-z0-9-]*), for example "riec".`;
  }
  if (name.endsWith('-') || name.includes('--')) return `"${name}" is not a subgraph name: a hyphen must sit between two letters or digits.`;
  if (name.length > MAX_NAME_LENGTH) return `"${name}" is too long: at most ${MAX_NAME_LENGTH} characters (it also names a Postgres schema).`;
  if (RESERVED.includes(name)) return `"${name}" is reserved by the hub; pick another name.`;
  if (existing.includes(name)) return `A subgraph "${name}" already exists (existing: ${existing.join(', ')}); pick another name.`;
  return null;
}

/** Why `owner` cannot name the owning organisation, or null when it can. */
export function ownerProblem(owner: string): string | null {
  if (owner.trim() === '') return 'Give the owning organisation: --owner "<organisation>", for example --owner "RIEC".';
  if (owner.length > 120 || !OWNER.test(owner)) {
    return `--owner "${owner}" may hold up to 120 letters, digits, spaces and . , & ( ) ' / - only.`;
  }
  return null;
}

/** The lowest port above every subgraph's default port (read from each subgraphs/<name>/src/config.ts). */
export function freePort(root: string): number {
  const ports = existingSubgraphs(root).flatMap((name) => {
    const config = join(root, 'subgraphs', name, 'src', 'config.ts');
    const match = existsSync(config) ? /readSubgraphConfig\((\d+)/.exec(readFileSync(config, 'utf8')) : null;
    return match ? [Number(match[1])] : [];
  });
  return Math.max(FIRST_SUBGRAPH_PORT - 1, ...ports) + 1;
}

const words = (name: string) => name.split('-');
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Every placeholder the templates use, for one subgraph. */
export function placeholders(name: string, owner: string, port: number): Record<string, string> {
  const pascal = words(name).map(capitalise).join('');
  return {
    name,
    Pascal: pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    snake: words(name).join('_'),
    owner,
    ownerDescriptionJson: JSON.stringify(`The ${name} subgraph, owned by ${owner}.`),
    port: String(port),
    seedOffset: String(port - FIRST_SUBGRAPH_PORT + 1),
    snapshotId: randomUUID(),
    when: String(Date.now()),
  };
}

/** Fills `{{placeholder}}`s; an unknown one is a defect in the template, never left in the output. */
export function render(text: string, values: Record<string, string>, file: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`${file}: unknown placeholder {{${key}}}`);
    return values[key];
  });
}

function templateFiles(dir = TEMPLATE_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(join(dir, entry.name)) : entry.name.endsWith('.tmpl') ? [join(dir, entry.name)] : [],
  );
}

/** A template's path in the new subgraph: `.tmpl` dropped, `__NAME__` and `__PASCAL__` in file names filled. */
const targetPath = (template: string, values: Record<string, string>) =>
  relative(TEMPLATE_DIR, template).replace(/\.tmpl$/, '').replace('__NAME__', values.name).replace('__PASCAL__', values.Pascal);

/**
 * Writes subgraphs/<name>/ from the templates: first into a hidden staging folder, renamed into place only
 * when every file rendered, so a failure leaves nothing behind. Returns the files written, relative to the folder.
 */
export function writeSubgraph(root: string, values: Record<string, string>): string[] {
  const target = join(root, 'subgraphs', values.name);
  const staging = join(root, 'subgraphs', `.${values.name}.scaffold-${process.pid}`);
  const written: string[] = [];
  try {
    for (const template of templateFiles()) {
      const path = targetPath(template, values);
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), render(readFileSync(template, 'utf8'), values, path));
      written.push(path);
    }
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return written.sort();
}

/** Adds subgraphs/<name> to the root package.json's workspaces, after the other subgraphs; returns the undo. */
export function addWorkspace(root: string, name: string): () => void {
  const path = join(root, 'package.json');
  const original = readFileSync(path, 'utf8');
  const pkg = JSON.parse(original) as { workspaces?: string[] };
  const workspaces = pkg.workspaces ?? [];
  const lastSubgraph = workspaces.map((w) => w.startsWith('subgraphs/')).lastIndexOf(true);
  workspaces.splice(lastSubgraph + 1, 0, `subgraphs/${name}`);
  pkg.workspaces = workspaces;
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
  return () => writeFileSync(path, original);
}
