import { createHash } from 'node:crypto';
import type { Db } from '../db.js';
import type { Viewer } from '../roles.js';
import { decodeText, type FileEncoding } from './decode.js';
import { beginImport, finishImport, mergeStaged } from './merge.js';
import { ImportRefusal, PROBLEM_CAP, ProblemLog, type ImportProblem } from './problems.js';
import { checkedRows, type FileTally } from './records.js';
import type { ImportSpec } from './spec.js';
import { batchSize, checkStaged, createStage, stageRows } from './stage.js';

/** What an import answers, as JSON: the counts when the file went in, every problem (up to a cap) when it did not. */
export interface ImportReport {
  status: 'imported' | 'rejected';
  file: string;
  /** The sha256 of the file's bytes, when it was read to the end. */
  sha256: string | null;
  encoding: FileEncoding | null;
  /** Data rows read (the header not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** The id of the `imported` audit entry every change of this file carries. */
  importId: string | null;
  /** How many problems there were; `problems` lists the first `PROBLEM_CAP`, by line. */
  problemCount: number;
  problems: ImportProblem[];
}

export interface ImportOptions {
  db: Db;
  spec: ImportSpec;
  /** The verified caller, recorded in the audit. */
  viewer: Viewer;
  fileName: string;
  /** The file's bytes, streamed: an HTTP request, a file read stream, any async iterable of chunks. */
  source: AsyncIterable<Uint8Array>;
  cap?: number;
}

/** Thrown inside the transaction to roll it back once the report holds a problem. */
class Rejected extends Error {}

/**
 * Imports one file all or nothing, in one transaction: rows are checked and staged in batches (memory does not grow
 * with the file), the staged file is checked in SQL, and only a file without a single problem is merged and audited.
 */
export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const { spec, viewer, fileName } = options;
  const log = new ProblemLog(options.cap ?? PROBLEM_CAP);
  const file = { sha256: null as string | null, encoding: null as FileEncoding | null, rows: 0 };
  const tally: FileTally = { rows: 0 };
  const report = (counts: Partial<ImportReport> = {}): ImportReport => ({
    status: 'rejected', file: fileName, ...file, created: 0, updated: 0, unchanged: 0, importId: null,
    problemCount: log.total, problems: [...log.listed].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), ...counts,
  });
  try {
    return await options.db.transaction(async (tx) => {
      await createStage(tx, spec);
      const text = decodeText(hashed(options.source, file), (encoding) => (file.encoding = encoding));
      for await (const batch of batches(checkedRows<Record<string, unknown>>(text, spec, log, tally), batchSize(spec))) {
        await stageRows(tx, spec, batch);
      }
      file.rows = tally.rows;
      await checkStaged(tx, spec, (key) => tally.written?.get(key) ?? key, log);
      if (log.any) throw new Rejected();
      await spec.complete?.(tx);
      // Only now: a refused file must not even advance the audit's id sequence.
      const importId = await beginImport(tx, spec, viewer, fileName);
      const counts = await mergeStaged(tx, spec, viewer, importId);
      const unchanged = file.rows - counts.created - counts.updated;
      await finishImport(tx, spec, importId, { file: fileName, sha256: file.sha256, rows: file.rows, ...counts, unchanged });
      return report({ status: 'imported', ...counts, unchanged, importId: String(importId) });
    });
  } catch (error) {
    file.rows = tally.rows;
    if (error instanceof ImportRefusal) log.add(error.toProblem());
    else if (!(error instanceof Rejected)) throw error;
    return report();
  }
}

/** Passes the bytes on, hashing them; the digest is set once the source is read to its end. */
async function* hashed(source: AsyncIterable<Uint8Array>, file: { sha256: string | null }) {
  const hash = createHash('sha256');
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
  file.sha256 = hash.digest('hex');
}

async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
