import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** An installed package's folder, found as Node finds it, also when its `exports` map hides package.json (d3, chart.js). */
function packageFolder(pkg: string, resolver: NodeJS.Require): string {
  const folder = resolver.resolve.paths(pkg)?.map((modules) => join(modules, pkg)).find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!folder) throw new Error(`The package ${pkg} is not installed: run npm install.`);
  return folder;
}

/**
 * A file inside an installed package, also one its `exports` map does not list (React's UMD builds). `from` names
 * the package whose own dependency `pkg` is, for a package npm may not hoist (d3-array under d3-geo).
 */
export function packageFile(pkg: string, file: string, from?: string): string {
  const resolver = from ? createRequire(join(packageFolder(from, require), 'package.json')) : require;
  return join(packageFolder(pkg, resolver), file);
}

