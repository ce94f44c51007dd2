// `npm run import -- --subgraph kvo <file.csv>`: uploads a partner's file to the hub (streamed, all or nothing) and
// prints the report. Exit 0 imported, 1 refused (nothing written; every problem listed), 2 could not run.
import { subgraphWrite } from '@vo/kit';
import type { ImportProblem, ImportReport } from '@vo/kit/import';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { bearerToken, CliExit, hubOptions, hubUrl, run, type HubOptions } from './hub/client.js';

/** Below this size an upload is over before a bar would be worth drawing. */
const PROGRESS_FROM_BYTES = 4 * 1024 * 1024;

interface ImportOptions extends HubOptions {
  subgraph: string;
}

function fileSize(file: string): number {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new CliExit(2, `${file} is not a file.`);
    return stats.size;
  } catch (error) {
    if (error instanceof CliExit) throw error;
    throw new CliExit(2, `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

/** The file's bytes as they are read, moving a progress bar on stderr when a person is watching a large upload. */
async function* withProgress(file: string, size: number) {
  const bar = process.stderr.isTTY && size >= PROGRESS_FROM_BYTES
    ? new SingleBar({ stream: process.stderr, format: 'Uploading {bar} {percentage}% | {value}/{total} MB', clearOnComplete: true })
    : undefined;
  bar?.start(Math.ceil(size / 1e6), 0);
  let sent = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    sent += (chunk as Buffer).length;
    bar?.update(Math.floor(sent / 1e6));
    yield chunk as Buffer;
  }
  bar?.stop();
  if (bar) process.stderr.write('Uploaded; the hub is checking and merging the file...\n');
}

async function upload(base: string, subgraph: string, file: string, token: string): Promise<{ status: number; body: any }> {
  let response: Response;
  try {
    response = await fetch(`${base}/import/${encodeURIComponent(subgraph)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}`, 'x-file-name': encodeURIComponent(basename(file)) },
      body: withProgress(file, fileSize(file)) as unknown as BodyInit,
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliExit(2, `Cannot reach the hub at ${base} (${cause?.code ?? cause?.message ?? (error as Error).message}). Is it running (npm start)?`);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    throw new CliExit(2, `The hub at ${base} answered HTTP ${response.status} without JSON: is it this hub's gateway?`);
  }
}

const count = (n: number) => n.toLocaleString('en');

function problemLine(file: string, problem: ImportProblem): string {
  const where = problem.line === null ? file : `${file}:${problem.line}`;
  const column = problem.column ? ` [${problem.column}]` : '';
  const value = problem.value === null ? '' : ` "${problem.value.length > 60 ? `${problem.value.slice(0, 57)}...` : problem.value}"`;
  return `${where}${column}${value}: ${problem.reason} (${problem.code})`;
}

function printReport(file: string, report: ImportReport) {
  if (report.status === 'imported') {
    console.log(`Imported ${file}: ${count(report.rows)} rows, ${count(report.created)} created, ${count(report.updated)} updated, ` +
      `${count(report.unchanged)} unchanged (import ${report.importId}, sha256 ${report.sha256}).`);
    return;
  }
  console.log(`Refused ${file}: nothing was written. ${count(report.problemCount)} problem${report.problemCount === 1 ? '' : 's'}:`);
  for (const problem of report.problems) console.log(`  ${problemLine(file, problem)}`);
  const more = report.problemCount - report.problems.length;
  if (more > 0) console.log(`  ... and ${count(more)} more; fix these and send the file again.`);
}

const program = new Command('import')
  .description('Upload a CSV file of a subgraph\'s records to the hub: all rows go in, or none and a report of every problem.')
  .requiredOption('--subgraph <name>', 'the subgraph that owns the records, e.g. kvo')
  .argument('<file>', 'the CSV file (UTF-8 or Windows-1252, ; or , separated, Dutch or English header)')
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));
hubOptions(program).action(
  run(async (file: string, options: ImportOptions) => {
    const base = hubUrl(options);
    fileSize(file);
    const token = await bearerToken(options, [subgraphWrite(options.subgraph)]);
    const { status, body } = await upload(base, options.subgraph, file, token);
    if (body.errors) throw new CliExit(2, `The hub refused the upload (HTTP ${status}): ${body.errors[0]?.message}`);
    if (options.json) console.log(JSON.stringify(body, null, 2));
    else printReport(file, body as ImportReport);
    if (body.status !== 'imported') throw new CliExit(1, '');
  }),
);
await program.parseAsync();
