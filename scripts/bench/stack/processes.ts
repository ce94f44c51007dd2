// The benchmark's processes: each service in a Node process of its own, as `npm start` starts it, so the CPU time and
// memory read from /proc are that service's alone. Output goes to a log file, not into this process's memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TICKS_PER_SECOND = 100; // USER_HZ: 100 on Linux on every architecture Node runs on

export interface BenchProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

// How often a starting process's log is read for its ready line.
const READY_POLL_MS = 50;

/**
 * Starts `node <args>` and resolves once a line of its output matches `ready`. Its output goes straight to
 * `<logDir>/<name>.log`: this process, which also runs the load generator, never handles the services' log lines
 * (at a cached gateway's rate, some 10,000 access-log lines a second). Rejects when it exits first, with the last
 * lines it printed.
 */
export async function startProcess(name: string, args: string[], env: Record<string, string>, ready: RegExp, logDir: string): Promise<BenchProcess> {
  const logPath = join(logDir, `${name}.log`);
  const fd = openSync(logPath, 'a');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
    await exited;
    clearTimeout(timer);
  };
  let done = false;
  void exited.then(() => (done = true));
  for (;;) {
    const exitedBefore = done;
    if (readFileSync(logPath, 'utf8').split('\n').some((line) => ready.test(line))) return { name, pid: child.pid!, child, stop };
    if (exitedBefore) throw new Error(`${name} exited before it was ready:\n${readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

/** `node --import tsx <main>`: a hub service exactly as scripts/start.ts runs it. */
export const tsxMain = (main: string) => ['--import', 'tsx', main];

/** User plus system CPU time the process has used so far, in milliseconds (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The process's resident memory now, in MB (VmRSS of /proc/<pid>/status). */
export function rssMB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** Samples a process's RSS every `everyMs` until stopped; the peak is what it needed at most during the run. */
export function sampleRss(pid: number, everyMs = 250) {
  let peak = rssMB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMB(pid))), everyMs);
  return { stop: () => (clearInterval(timer), (peak = Math.max(peak, rssMB(pid))), peak) };
}
