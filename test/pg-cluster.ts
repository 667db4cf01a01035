// A throw-away Postgres cluster of a drill's own (Debian's postgresql-common), so a drill can stop and
// restart "the database" without touching the server every other test uses. It needs root (as CI and
// these machines run); elsewhere `throwAwayClusterUnavailable()` says why the drill is skipped.
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type ThrowAwayCluster = {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  drop(): Promise<void>;
};

/** Why a throw-away cluster cannot be made here, or null when it can. */
export function throwAwayClusterUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'needs root to create a Postgres cluster (pg_createcluster)';
  if (!fs.existsSync('/usr/bin/pg_createcluster')) return 'needs postgresql-common (pg_createcluster)';
  if (!fs.existsSync('/etc/postgresql') || fs.readdirSync('/etc/postgresql').length === 0) return 'no Postgres installation in /etc/postgresql';
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function untilReady(port: number): Promise<void> {
  for (;;) {
    try {
      await run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function createThrowAwayCluster(): Promise<ThrowAwayCluster> {
  const version = fs.readdirSync('/etc/postgresql').sort((a, b) => Number(b) - Number(a))[0];
  const name = `drill_${crypto.randomBytes(4).toString('hex')}`;
  const port = await freePort();
  await run('pg_createcluster', [version, name, '-p', String(port), '--', '--auth-local=trust', '--auth-host=trust']);
  const ctl = (action: 'start' | 'stop' | 'restart') => run('pg_ctlcluster', [version, name, action, ...(action === 'start' ? [] : ['-m', 'fast'])]);
  await ctl('start');
  await untilReady(port);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => void (await ctl('stop')),
    start: async () => {
      await ctl('start');
      await untilReady(port);
    },
    restart: async () => {
      await ctl('restart');
      await untilReady(port);
    },
    drop: async () => {
      execFileSync('pg_dropcluster', [version, name, '--stop'], { stdio: 'ignore' });
    },
  };
}
