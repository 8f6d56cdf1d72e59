import { readFileSync } from 'node:fs'

/**
 * The package's version, from its package.json: beside dist/ when built, two folders up in
 * src/node/ (tests), or `unknown`.
 */
export function readPackageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: unknown
        version?: unknown
      }
      if (pkg.name === 'voiceable-mock' && typeof pkg.version === 'string') return pkg.version
    } catch {
      // Not this one: try the next place.
    }
  }
  return 'unknown'
}
