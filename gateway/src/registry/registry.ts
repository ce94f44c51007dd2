import { serviceLogger, type Logger } from '@vo/kit';
import type { DatabaseHandle, Db } from '@vo/kit';
import { composeSupergraph, type CompositionResult } from '../composition.js';
import { RegistryError } from './errors.js';
import { writeLastGood } from './last-good.js';
import type { SupergraphSource } from './source.js';
import { activeState, activeSupergraphId, insertSupergraph, insertVersion, versionsOf, type ActiveState, type NewVersion } from './store.js';
import { UsageRecorder } from './usage.js';

export interface RegistryOptions {
  database: DatabaseHandle;
  /** Where the last good supergraph is written after every switch, for a cold start without the database. */
  lastGoodPath: string;
  /** Operations in this many days (today included) count as use when a check judges a breaking change. */
  usageWindowDays?: number;
  /** How often recorded usage is written to the database. */
  usageFlushMs?: number;
  /** How often to look for a supergraph another gateway replica activated; 0: never (one gateway, or PGlite). */
  pollMs?: number;
  /** Where the gateway reaches each subgraph when not at its routing URL (SUBGRAPH_<NAME>_URL, tests). */
  subgraphUrls?: Record<string, string>;
  /** Where the registry reports what it decided (the gateway's logger when omitted). */
  logger?: Logger;
}

/** One subgraph as composition takes it. */
export interface SubgraphInput {
  name: string;
  sdl: string;
  url: string;
}

/** What to store and activate: a new version (publish) or only a new combination of stored ones (rollback, sync). */
export interface Activation {
  reason: string;
  author: string;
  supergraphSdl: string;
  newVersions: NewVersion[];
  keptVersionIds: number[];
}

/**
 * The schema registry: the subgraph versions, the supergraph composed from them, and which one the gateway serves.
 * It is the gateway's SupergraphSource; publish, rollback and check (publish.ts, check.ts) go through it.
 */
export class Registry implements SupergraphSource {
  readonly usage: UsageRecorder;
  readonly usageWindowDays: number;
  private readonly listeners = new Set<(sdl: string) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private poller?: NodeJS.Timeout;

  constructor(
    readonly options: RegistryOptions,
    private state: ActiveState,
  ) {
    this.usageWindowDays = options.usageWindowDays ?? 30;
    this.usage = new UsageRecorder(this.db, this.usageWindowDays, options.usageFlushMs ?? 10_000);
    if (options.pollMs) {
      this.poller = setInterval(() => void this.follow().catch((error) => serviceLogger('gateway').error({ err: error }, 'Registry poll failed')), options.pollMs);
      this.poller.unref();
    }
  }

  get db(): Db {
    return this.options.database.db;
  }

  current(): string {
    return this.state.supergraph.sdl;
  }

  get active(): ActiveState {
    return this.state;
  }

  onChange(listener: (sdl: string) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /**
   * Runs registry writes one at a time: in this process through a queue, across gateway replicas on one server
   * through an advisory lock. `work` gets the active state as the database has it now.
   */
  exclusive<T>(work: (state: ActiveState) => Promise<T>): Promise<T> {
    const run = () => this.options.database.withLock('vo-hub-registry', async () => work((await activeState(this.db)) ?? this.state));
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => {});
    return result;
  }

  /**
   * Stores the versions and the supergraph and switches the gateway to it, all or nothing: the gateway switches
   * before the transaction commits (a gateway that refuses the supergraph rolls it back), and switches back if the
   * commit fails. Then the new supergraph becomes the last good one on disk.
   */
  async activate(activation: Activation) {
    const previous = this.state;
    let notified = false;
    const state = await this.db.transaction(async (tx) => {
      const versions = [];
      for (const version of activation.newVersions) versions.push(await insertVersion(tx as unknown as Db, version));
      const supergraph = await insertSupergraph(tx as unknown as Db, {
        sdl: activation.supergraphSdl,
        reason: activation.reason,
        author: activation.author,
        versionIds: [...activation.keptVersionIds, ...versions.map((v) => v.id)],
      });
      notified = true;
      this.notify(activation.supergraphSdl);
      return { supergraph, versions };
    }).catch((error) => {
      // Some listeners may have switched already: every one goes back to the supergraph it served.
      if (notified) this.notify(previous.supergraph.sdl, true);
      throw error;
    });
    this.state = (await activeState(this.db))!;
    writeLastGood(this.options.lastGoodPath, this.state.supergraph.sdl);
    return state;
  }

  /** Tells every listener; the first refusal is thrown after all were told, unless going back (`restoring`). */
  private notify(supergraphSdl: string, restoring = false) {
    let refusal: unknown;
    for (const listener of this.listeners) {
      try {
        listener(supergraphSdl);
      } catch (error) {
        refusal ??= error;
        if (restoring) serviceLogger('gateway').error({ err: error }, 'A gateway could not go back to the previous supergraph');
      }
    }
    if (refusal === undefined || restoring) return;
    const message = `The gateway could not load the new supergraph, so it keeps the previous one: ${(refusal as Error).message}`;
    throw new RegistryError(500, 'ACTIVATION_FAILED', message);
  }

  /** Switches to a supergraph another replica activated, if there is one. */
  async follow() {
    const id = await activeSupergraphId(this.db);
    if (id === undefined || id === this.state.supergraph.id) return;
    await this.exclusive(async (state) => {
      if (state.supergraph.id === this.state.supergraph.id) return;
      try {
        this.notify(state.supergraph.sdl);
      } catch (error) {
        this.notify(this.state.supergraph.sdl, true);
        throw error;
      }
      this.state = state;
      writeLastGood(this.options.lastGoodPath, state.supergraph.sdl);
    });
  }

  /** The subgraphs being served, with the version of each. */
  list() {
    const { sdl: _sdl, ...supergraph } = this.state.supergraph;
    return { supergraph, subgraphs: this.state.members.map(({ sdl: _sdl, id: _id, ...version }) => version) };
  }

  /** Every version of one subgraph, newest first, marking the one being served. */
  async history(name: string) {
    const versions = await versionsOf(this.db, name);
    if (versions.length === 0) throw unknownSubgraph(name, this.state);
    const active = this.state.members.find((member) => member.subgraph === name)?.id;
    return { subgraph: name, versions: versions.map(({ id, ...version }) => ({ ...version, active: id === active })) };
  }

  async close() {
    clearInterval(this.poller);
    await this.usage.stop();
  }
}

/** Composes the active set with `change` put in (replacing the subgraph of the same name, or added). */
export function composeWith(state: ActiveState, change: SubgraphInput): CompositionResult {
  const others = state.members.filter((member) => member.subgraph !== change.name);
  return composeSupergraph([...others.map((m) => ({ name: m.subgraph, sdl: m.sdl, url: m.routingUrl })), change]);
}

export function unknownSubgraph(name: string, state: ActiveState) {
  const known = state.members.map((member) => member.subgraph).join(', ');
  return new RegistryError(404, 'NOT_FOUND', `The registry has no subgraph "${name}"; it has ${known}.`);
}
