import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const ROOT = new URL('../..', import.meta.url);

/** A service running as its own process, started the way `npm start` and docker-compose start it. */
export interface ServiceProcess {
  child: ChildProcess;
  /** The /graphql URL the service printed when it was ready. */
  url: string;
  /** Every line it printed so far (stdout and stderr). */
  output: string[];
  /** Resolves with the first line (already printed or still to come) that matches. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

// A subgraph prints "<name> subgraph ready at <url>", the gateway "Gateway ready: <url>".
const READY = /\bready(?: at|:) (http\S+)/;

/** Starts `node --import tsx <main>` on a free port and resolves once it prints that it is ready, and where. */
export function startServiceProcess(main: string, env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const waiters: { pattern: RegExp; resolve(line: string): void }[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const onLine = (line: string) => {
    output.push(line);
    for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const seen = output.find((line) => pattern.test(line));
      if (seen) resolve(seen);
      else waiters.push({ pattern, resolve });
    });
  return new Promise((resolve, reject) => {
    void exited.then((code) => reject(new Error(`${main} exited with ${code}:\n${output.join('\n')}`)));
    void waitFor(READY).then((line) => {
      resolve({ child, url: READY.exec(line)![1], output, waitFor, exited });
    });
  });
}
