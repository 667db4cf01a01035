// The production build a benchmark serves with `next start`: the one in .next when it is up to date (Next wrote its
// BUILD_ID, and no file the build reads is newer than that), else a fresh `next build`. Either way the caller is told
// which, and how long it took, for its report: a build is part of the benchmark's wall time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// What `next build` does not read: tests, benchmarks, docs, tooling output. Everything else counts as a source.
const notSources = new Set(['.git', '.next', 'node_modules', 'bench', 'test', 'e2e', 'docs', 'coverage', 'test-results', 'playwright-report', 'out', '.data']);
const notSourceFile = (name: string) => name.endsWith('.md') || /\.test\.tsx?$/.test(name) || name.endsWith('.tsbuildinfo');

export type ProductionBuild = { built: boolean; seconds: number; why: string };

/** The first file under `dir` modified after `since` (ms), or null. */
function newerSource(dir: string, since: number): string | null {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (notSources.has(entry.name)) continue;
      const found = newerSource(file, since);
      if (found) return found;
    } else if (entry.isFile() && !notSourceFile(entry.name) && fs.statSync(file).mtimeMs > since) return file;
  }
  return null;
}

/** Why .next cannot be served as it is, or null when it is up to date. */
export function staleBuildReason(root: string): string | null {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return 'no production build in .next';
  const newer = newerSource(root, fs.statSync(buildId).mtimeMs);
  return newer ? `${path.relative(root, newer)} is newer than .next/BUILD_ID` : null;
}

/** Reuses .next when it is up to date (BENCH_REBUILD=1 builds anyway), else runs `next build`. */
export function ensureProductionBuild(root: string): ProductionBuild {
  const stale = process.env.BENCH_REBUILD === '1' ? 'BENCH_REBUILD=1' : staleBuildReason(root);
  if (!stale) return { built: false, seconds: 0, why: `reused .next (BUILD_ID ${fs.readFileSync(path.join(root, '.next', 'BUILD_ID'), 'utf8').trim()}; no source newer)` };
  const t = performance.now();
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error('next build failed');
  return { built: true, seconds: (performance.now() - t) / 1000, why: stale };
}
