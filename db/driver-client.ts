// The driver's own client under a drizzle transaction, for what drizzle cannot say: COPY.
// drizzle keeps it on the transaction's session (postgres.js TransactionSql, PGlite Transaction).
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type { TransactionSql } from 'postgres';
import type { Tx } from './client';

export type DriverClient = { driver: 'postgres'; sql: TransactionSql } | { driver: 'pglite'; pg: PgliteTransaction };

export function driverClientOf(tx: Tx): DriverClient {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('the transaction exposes no driver client');
  // postgres.js clients are tagged-template functions; PGlite's transaction is an object.
  if (typeof client === 'function') return { driver: 'postgres', sql: client as TransactionSql };
  return { driver: 'pglite', pg: client as PgliteTransaction };
}

/** Rows a raw INSERT/UPDATE `execute` touched, whichever driver ran it. */
export function affectedRowsOf(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return r.count ?? r.affectedRows ?? 0;
}

/** Whether a query failed on a unique index (SQLSTATE 23505), drizzle's wrapping or not. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
}
