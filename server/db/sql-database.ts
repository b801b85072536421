// Runs in: the newsroom server. The little the server needs from PostgreSQL, whether it is a real
// server reached through `pg` or PGlite embedded in this process: queries, transactions and
// LISTEN/NOTIFY (how one node tells the others that a story's status changed).

export type SqlValue = string | number | boolean | null | Uint8Array | Date | readonly string[];

export interface SqlQueryable {
  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

export interface SqlDatabase extends SqlQueryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` for every NOTIFY on `channel` (from any node); resolves once listening. A lost
   * connection is made again; NOTIFYs sent meanwhile are gone, so `onResumed` is called once it
   * listens again, for the listener to read again what it follows.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResumed?: () => void): Promise<void>;
  /** 'postgres' or 'pglite', for the start-up line. */
  readonly kind: string;
  close(): Promise<void>;
}
