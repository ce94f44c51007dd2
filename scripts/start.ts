// `npm start`: every subgraph in its own process (as each partner runs it), then the gateway.
// Without DATABASE_URL each subgraph keeps an embedded PGlite database under .data/<name>.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { GATEWAY, SUBGRAPHS } from './services.js';

const children: ChildProcess[] = [];
let stopping = false;

/** Starts one service and resolves once it prints that it is ready. */
function startService(name: string, main: string, port: number): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  const child = spawn(process.execPath, ['--import', 'tsx', main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        console.log(`[${name.padEnd(7)}] ${line}`);
        if (/ready/i.test(line)) resolve();
      });
    }
    child.once('exit', (code) => {
      if (stopping) return;
      reject(new Error(`${name} exited with code ${code}`));
      stopAll(1);
    });
  });
}

function stopAll(exitCode: number) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(exitCode), 3000).unref();
}

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

try {
  // The first start migrates and seeds each embedded database; later starts find the data in place.
  await Promise.all(SUBGRAPHS.map((s) => startService(s.name, s.main, s.port)));
  await startService(GATEWAY.name, GATEWAY.main, GATEWAY.port);
  console.log(`\nThe hub is running: http://localhost:${GATEWAY.port}/graphql (Ctrl+C stops it)\n`);
} catch (error) {
  console.error(String(error));
  stopAll(1);
}
