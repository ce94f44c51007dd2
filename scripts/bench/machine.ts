// What a benchmark report says about where it ran, so figures from different machines are not compared blindly.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { DatasetSize } from './dataset.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  at: string;
  commit: string;
  /** True when the working tree had changes the commit does not hold. */
  uncommittedChanges: boolean;
  dataset: { name: string; size: DatasetSize };
  /** The 1-minute load average when the run started: the machine is shared, and other work skews every figure. */
  loadAverageAtStart: number;
}

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** The 1-minute load average now, read before the run starts its own processes. */
export const currentLoadAverage = () => Math.round(loadavg()[0]! * 100) / 100;

export function describeMachine(dataset: Machine['dataset'], loadAverageAtStart: number): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    at: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain', '--untracked-files=no') !== '',
    dataset,
    loadAverageAtStart,
  };
}

export const machineLine = (m: Machine) =>
  `Run ${m.at} on ${m.cpu} (${m.cores} cores, ${m.memoryGB} GB), Node ${m.node}, commit ${m.commit.slice(0, 10)}` +
  `${m.uncommittedChanges ? ' (with uncommitted changes in the tree)' : ''}. Dataset: ${m.dataset.name === 'scale' ? 'the scale dataset' : 'the normal seed (--quick)'}, ` +
  `${m.dataset.size.sites.toLocaleString('en')} sites, ${m.dataset.size.certifications.toLocaleString('en')} certificates, ` +
  `${m.dataset.size.grants.toLocaleString('en')} grants, ${m.dataset.size.scans.toLocaleString('en')} cyber scans, on the PostgreSQL server. ` +
  `Load average at the start: ${m.loadAverageAtStart} on ${m.cores} cores${m.loadAverageAtStart > m.cores ? ' (other work was running: the figures are skewed by it)' : ''}.`;
