import { EventSource } from 'eventsource';

// A stream the subgraph refused (an old subgraph without /data-version, a proxy's 502) is tried again this often.
const RETRY_CLOSED_MS = 2000;

interface Followed {
  url: string;
  source: EventSource;
  /** Moves on every event, every (re)connect and every mutation this gateway sends; never goes back. */
  epoch: number;
  /** The stream is open: while it is down, changes could go unseen. */
  live: boolean;
  /** The subgraph's own data version in its last event. */
  heard?: number;
  retry?: NodeJS.Timeout;
}

/** The epochs of the followed subgraphs when a request began: what its answer may be stored against. */
export type EpochSnapshot = ReadonlyMap<string, number>;

/**
 * Follows each subgraph's GET /data-version stream (kit data-version.ts) and keeps an epoch per subgraph. An answer
 * stored against an epoch is served only while that epoch is current and the stream is live.
 */
export class DataVersions {
  private readonly followed = new Map<string, Followed>();

  constructor(private readonly onChange: (subgraph: string) => void = () => {}) {}

  /** Follows `name` at the origin of its GraphQL URL; a new URL is a new deployment and starts over. */
  follow(name: string, graphqlUrl: string): void {
    const url = new URL('/data-version', graphqlUrl).toString();
    const current = this.followed.get(name);
    if (current?.url === url) return;
    if (current) this.unfollow(name);
    const followed = { url, epoch: 0, live: false } as Followed;
    this.followed.set(name, followed);
    this.connect(name, followed);
  }

  /** Stops following subgraphs the supergraph no longer has. */
  retain(names: ReadonlySet<string>): void {
    for (const name of [...this.followed.keys()]) if (!names.has(name)) this.unfollow(name);
  }

  /** A write this gateway sent to `name` has returned: its commit happened, so what was read before is old. */
  bump(name: string): void {
    const followed = this.followed.get(name);
    if (followed) this.changed(name, followed);
  }

  snapshot(): EpochSnapshot {
    const epochs = new Map<string, number>();
    for (const [name, followed] of this.followed) if (followed.live) epochs.set(name, followed.epoch);
    return epochs;
  }

  /** The subgraph's stream is live and nothing changed since `epoch`. */
  isCurrent(name: string, epoch: number): boolean {
    const followed = this.followed.get(name);
    return followed !== undefined && followed.live && followed.epoch === epoch;
  }

  /** The data version `name` last announced (tests wait for it); undefined before its first event. */
  versionOf(name: string): number | undefined {
    return this.followed.get(name)?.heard;
  }

  close(): void {
    for (const name of [...this.followed.keys()]) this.unfollow(name);
  }

  private connect(name: string, followed: Followed): void {
    const source = new EventSource(followed.url);
    followed.source = source;
    source.onopen = () => {
      followed.live = true;
      this.changed(name, followed);
    };
    source.onmessage = (event) => {
      followed.heard = Number(event.data);
      this.changed(name, followed);
    };
    source.onerror = () => {
      // Down, nothing that read the subgraph is served; the epoch moves once, so its answers stay ended after a reconnect.
      if (followed.live) this.changed(name, followed);
      followed.live = false;
      // EventSource reconnects by itself after a network error, but gives up on a wrong status or content type.
      if (source.readyState === EventSource.CLOSED && this.followed.get(name) === followed) {
        followed.retry = setTimeout(() => this.connect(name, followed), RETRY_CLOSED_MS);
        followed.retry.unref();
      }
    };
  }

  private changed(name: string, followed: Followed): void {
    followed.epoch++;
    this.onChange(name);
  }

  private unfollow(name: string): void {
    const followed = this.followed.get(name);
    if (!followed) return;
    clearTimeout(followed.retry);
    followed.source.close();
    followed.live = false;
    this.followed.delete(name);
  }
}
