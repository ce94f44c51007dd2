import { LRUCache } from 'lru-cache';
import type { DataVersions, EpochSnapshot } from './versions.js';

/** The response header telling whether an answer came from the cache. */
export const CACHE_HEADER = 'x-cache';

/** An answer as it was sent: its bytes, its headers (content type, Apollo's cache-control), the subgraph epochs it was read at. */
export interface StoredAnswer {
  body: Buffer;
  /** The headers a hit sends, names and values in one list as writeHead takes them: the kept ones, its length, x-cache: hit. */
  head: (string | number)[];
  deps: [subgraph: string, epoch: number][];
  /** Repeats the operation's side effects a hit must keep (the registry's field usage count), for the caller's client name. */
  replay?: (client: string | undefined) => void;
}

// What an entry costs besides its body and key: the object, its deps array and the LRU's bookkeeping.
const ENTRY_OVERHEAD_BYTES = 256;

/** One request on its way through Apollo: what it read from, and whether its answer may be kept. */
export class PendingAnswer {
  /** The subgraphs the query plan called (datasource.ts adds them). */
  readonly touched = new Set<string>();
  /** Set by the admission plugin: a query whose errors, if any, follow from data and access scope alone. */
  admissible = false;
  replay?: StoredAnswer['replay'];

  constructor(
    readonly key: string,
    readonly generation: number,
    readonly snapshot: EpochSnapshot,
  ) {}
}

/**
 * The gateway's response cache: answers by key (key.ts), bounded in bytes, each valid while the data versions of the
 * subgraphs it read are unchanged and followed live. Epochs are taken before execution and checked again when the
 * answer is stored, so a write committed while the request ran (its notification moves the epoch) is never hidden.
 */
export class ResponseCache {
  /** Counts supergraph loads and updates; part of every key. */
  generation = 0;
  private readonly answers: LRUCache<string, StoredAnswer>;

  constructor(
    readonly versions: DataVersions,
    maxBytes: number,
  ) {
    this.answers = new LRUCache({ maxSize: maxBytes, sizeCalculation: (answer, key) => answer.body.length + key.length + ENTRY_OVERHEAD_BYTES });
  }

  /** What the kept answers cost against maxBytes: bodies, keys and per-entry overhead. */
  get bytes(): number {
    return this.answers.calculatedSize;
  }

  /** The stored answer for `key` while every subgraph it read is live and unchanged; a stale one is dropped. */
  lookup(key: string): StoredAnswer | undefined {
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    for (const [subgraph, epoch] of answer.deps) {
      if (!this.versions.isCurrent(subgraph, epoch)) {
        this.answers.delete(key);
        return undefined;
      }
    }
    return answer;
  }

  begin(key: string): PendingAnswer {
    return new PendingAnswer(key, this.generation, this.versions.snapshot());
  }

  /** Keeps a sent answer when it may be served again: admitted, HTTP 200, same schema, every read subgraph unchanged. */
  finish(pending: PendingAnswer, status: number, body: string, headers: Record<string, string>): boolean {
    if (!pending.admissible || status !== 200 || !headers['content-type'] || pending.generation !== this.generation) return false;
    const deps: StoredAnswer['deps'] = [];
    for (const subgraph of pending.touched) {
      const epoch = pending.snapshot.get(subgraph);
      if (epoch === undefined || !this.versions.isCurrent(subgraph, epoch)) return false;
      deps.push([subgraph, epoch]);
    }
    const bytes = Buffer.from(body);
    const head = [...Object.entries(headers).flat(), 'content-length', bytes.length, CACHE_HEADER, 'hit'];
    this.answers.set(pending.key, { body: bytes, head, deps, replay: pending.replay });
    return true;
  }

  /** A new supergraph: every answer was planned on the old one. */
  schemaChanged(): void {
    this.generation++;
    this.answers.clear();
  }

  get size(): number {
    return this.answers.size;
  }
}
