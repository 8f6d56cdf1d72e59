// Shared helpers of the benchmark children: rounds, statistics, yielding, reporting.
// Every measurement file runs in its own `node --expose-gc` child of bench/run.mjs and ends by
// printing one `@@bench {json}` line on stdout; progress goes to stderr.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

/** The folder holding bench/, dist/ and node_modules/ (the repo, or the msw-3 scratch copy). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export const QUICK = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick')

/** `full` rounds normally, `quick` with --quick. */
export const pick = (full, quick) => (QUICK ? quick : full)

/** Reads `--name=value` from the command line. */
export function arg(name, fallback) {
  const prefix = `--${name}=`
  const found = process.argv.find((item) => item.startsWith(prefix))
  return found === undefined ? fallback : found.slice(prefix.length)
}

export function log(...parts) {
  process.stderr.write(`${parts.join(' ')}\n`)
}

/** Lets the event loop turn: msw keeps per-request state until it does. */
export const turn = () => new Promise((resolve) => setImmediate(resolve))

/** A full collection when the child runs with --expose-gc (it always does under run.mjs). */
export function gc() {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc()
    globalThis.gc()
  }
}

/**
 * Wall time and CPU time (this process, user + system, every thread) from now. CPU time is what
 * the ratios use: on a shared 2-core machine, wall time also counts waiting for a core.
 */
export function startClock() {
  return { wall: performance.now(), cpu: process.cpuUsage() }
}

/** `{ wall, cpu }` in microseconds per item since `clock`. */
export function perRequest(clock, count) {
  const cpu = process.cpuUsage(clock.cpu)
  return {
    wall: ((performance.now() - clock.wall) * 1000) / count,
    cpu: (cpu.user + cpu.system) / count,
  }
}

/** `{ wall, cpu }` in milliseconds since `clock`. */
export function elapsedMs(clock) {
  const { wall, cpu } = perRequest(clock, 1)
  return { wall: wall / 1000, cpu: cpu / 1000 }
}

/** Statistics of each field of `{ wall, cpu }` samples: `{ wall: stats, cpu: stats }`. */
export function statsBy(samples) {
  return { wall: stats(samples.map((s) => s.wall)), cpu: stats(samples.map((s) => s.cpu)) }
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length }
}

/**
 * Runs `measure(variant)` for every variant in every round, rotating the order each round so no
 * variant always runs first (right after a GC) or last. Returns each variant's values.
 */
export async function interleave(rounds, variants, measure) {
  const values = Object.fromEntries(variants.map((variant) => [variant, []]))
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(i + round) % variants.length]
      gc()
      await turn()
      values[variant].push(await measure(variant))
    }
  }
  return values
}

/** The msw version this child resolves (from the root's node_modules). */
export function mswVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', 'msw', 'package.json'), 'utf8')).version
}

export function runtime() {
  return { node: process.version, msw: mswVersion() }
}

export function report(result) {
  process.stdout.write(`@@bench ${JSON.stringify({ runtime: runtime(), ...result })}\n`)
}

export const heapMiB = () => process.memoryUsage().heapUsed / 1024 / 1024
