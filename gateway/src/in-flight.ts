import { AsyncLocalStorage } from 'node:async_hooks';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Response } from 'undici';

/**
 * One clock orders gateway requests and subgraph fetches. A request may share a fetch only if the fetch began after
 * the request did. So whatever the fetch read is at least as new as anything the request could have read itself: a
 * write committed before the request began (its own mutation, a CSV import, a partner's SQL) is never hidden from
 * it, and the response cache never keeps an answer older than the epochs it snapshotted at the start.
 */
let clock = 0;

/** Marks a gateway request's start (GatewayContext.startedAt). */
export const requestStarted = (): number => ++clock;

interface Call {
  /** The calling request's startedAt. */
  since: number;
  /** A read, which may be shared; a mutation never is. */
  read: boolean;
}

const calls = new AsyncLocalStorage<Call>();

/** Runs one data source call, telling the fetcher below (sharedReads) who asks and whether it only reads. */
export const asCall = <T>(call: Call, run: () => Promise<T>): Promise<T> => calls.run(call, run);

interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

interface Flight {
  startedAt: number;
  answer: Promise<Answer>;
}

const headerOf = (init: RequestInit | undefined, name: string) => (init?.headers as Record<string, string> | undefined)?.[name];

/**
 * Merges identical subgraph reads in flight, as Apollo Router's query deduplication and Hive Gateway do: a read
 * with the same URL, token and body as one that is on its way (and began after the asking request) waits for its
 * answer instead of asking the subgraph again. Eight dashboards opening the same page cost the subgraphs one
 * round of queries. Each caller gets its own Response over the same bytes and parses its own copy, as the gateway
 * merges entities into the parsed objects.
 */
export function sharedReads(fetcher: Fetcher): Fetcher {
  const flights = new Map<string, Flight>();
  return (async (url: string, init?: RequestInit) => {
    const call = calls.getStore();
    if (!call?.read || typeof init?.body !== 'string') return fetcher(url, init as never);
    const key = `${url}\n${headerOf(init, 'authorization') ?? ''}\n${init.body}`;
    let flight = flights.get(key);
    if (!flight || flight.startedAt <= call.since) {
      const started: Flight = { startedAt: ++clock, answer: fetcher(url, init as never).then(readAnswer) };
      const land = () => flights.get(key) === started && flights.delete(key);
      started.answer.then(land, land);
      flights.set(key, started);
      flight = started;
    }
    const { body, ...rest } = await flight.answer;
    return new Response(body, rest);
  }) as unknown as Fetcher;
}

async function readAnswer(response: Awaited<ReturnType<Fetcher>>): Promise<Answer> {
  const { status, statusText } = response;
  return { status, statusText, headers: [...response.headers], body: await response.arrayBuffer() };
}
