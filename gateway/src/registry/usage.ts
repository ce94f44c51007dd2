import { serviceLogger } from '@vo/kit';
import type { Db } from '@vo/kit';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { operationCoordinates } from './coordinates.js';
import { addUsage, pruneUsage, usageSince, type CoordinateUsage, type UsageRow } from './usage-store.js';

const DAY_MS = 86_400_000;
const dayString = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const today = () => Math.floor(Date.now() / DAY_MS);

/** A client name is caller-chosen text: bounded, so it cannot bloat the table. */
const MAX_CLIENT_NAME = 64;
export const clientName = (header: string | undefined) => header?.trim().slice(0, MAX_CLIENT_NAME) || 'unknown';

/**
 * Records which schema coordinates operations use, per client and day, cheaply: the coordinates of a document are
 * computed once (cached per parsed document, which Apollo itself caches per query text), a request only adds 1
 * to a counter in memory, and the counters are written in batches every `flushMs` and before each check.
 */
export class UsageRecorder {
  /** Per parsed document and operation name, the coordinates the operation uses. */
  private readonly coordinates = new WeakMap<DocumentNode, Map<string, string[]>>();
  /** Per day, per coordinate list (one per distinct operation), per client: operations counted since the last flush. */
  private pending = new Map<number, Map<string[], Map<string, number>>>();
  private flushing: Promise<void> = Promise.resolve();
  private prunedDay = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly windowDays: number,
    flushMs: number,
  ) {
    this.timer = setInterval(() => void this.flush().catch((error) => serviceLogger('gateway').error({ err: error }, 'Could not store field usage')), flushMs);
    this.timer.unref();
  }

  /** Counts one executed operation. */
  record(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, client: string): void {
    let byOperation = this.coordinates.get(document);
    if (!byOperation) this.coordinates.set(document, (byOperation = new Map()));
    const name = operation.name?.value ?? '';
    let coordinates = byOperation.get(name);
    if (!coordinates) byOperation.set(name, (coordinates = operationCoordinates(schema, document, operation)));
    const day = today();
    let byList = this.pending.get(day);
    if (!byList) this.pending.set(day, (byList = new Map()));
    let byClient = byList.get(coordinates);
    if (!byClient) byList.set(coordinates, (byClient = new Map()));
    byClient.set(client, (byClient.get(client) ?? 0) + 1);
  }

  /** Writes the counters gathered so far; flushes run one at a time, and failed counts are kept for the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => {}).then(() => this.write());
    return this.flushing;
  }

  private async write() {
    const batch = this.pending;
    if (batch.size === 0) return this.prune();
    this.pending = new Map();
    const rows = new Map<string, UsageRow>();
    for (const [day, byList] of batch) {
      for (const [coordinates, byClient] of byList) {
        for (const [client, count] of byClient) {
          for (const coordinate of coordinates) {
            const key = `${day}\u0000${coordinate}\u0000${client}`;
            const row = rows.get(key) ?? { day: dayString(day), coordinate, clientName: client, count: 0 };
            row.count += count;
            rows.set(key, row);
          }
        }
      }
    }
    try {
      await addUsage(this.db, [...rows.values()]);
    } catch (error) {
      this.restore(batch);
      throw error;
    }
    await this.prune();
  }

  private restore(batch: typeof this.pending) {
    for (const [day, byList] of batch) {
      const into = this.pending.get(day) ?? new Map<string[], Map<string, number>>();
      for (const [coordinates, byClient] of byList) {
        const counts = into.get(coordinates) ?? new Map<string, number>();
        for (const [client, count] of byClient) counts.set(client, (counts.get(client) ?? 0) + count);
        into.set(coordinates, counts);
      }
      this.pending.set(day, into);
    }
  }

  /** Once a day, forgets the days that fell out of the window. */
  private async prune() {
    if (this.prunedDay === today()) return;
    this.prunedDay = today();
    await pruneUsage(this.db, this.firstDay());
  }

  private firstDay() {
    return dayString(today() - this.windowDays + 1);
  }

  /** Usage per coordinate and client within the window (today and the `windowDays - 1` days before), flushed first. */
  async inWindow(): Promise<CoordinateUsage[]> {
    await this.flush();
    return usageSince(this.db, this.firstDay());
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
