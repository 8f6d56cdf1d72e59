/**
 * The consumer project the docs' blocks run in: a folder outside the repository with its own
 * package.json, where `voiceable-mock` is a copy of what `npm pack` ships (package.json, README,
 * LICENSE, dist/) and so resolves through its exports map, as in a user's project.
 *
 * - `linked` (the default, `npm test`): the other packages are the repository's own, linked
 *   (msw, vitest, openapi-fetch, openapi-typescript, TypeScript 5.9): no network, about a second.
 *   Node resolves msw from the copy and from a block to one real path, so both see one msw, as
 *   in an installed project.
 * - `registry` (`DOCS_CONSUMER=registry`, the CI leg `npm run test:docs:registry`): the packed
 *   tarball, TypeScript 5.9 and 7 (as `typescript-7`, run by path), Jest and every package the
 *   docs' install commands name, installed from the npm registry. TypeScript 7 is not a
 *   dependency of the repository: two packages with a `tsc` bin make `.bin/tsc` either one.
 */
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export type ConsumerMode = 'linked' | 'registry'

export function consumerMode(): ConsumerMode {
  const mode = process.env['DOCS_CONSUMER'] ?? 'linked'
  if (mode !== 'linked' && mode !== 'registry')
    throw new TypeError(`DOCS_CONSUMER must be linked or registry, got "${mode}"`)
  return mode
}

/** Packages every block may use besides those the docs' install commands name. */
const BASE_PACKAGES = [
  'msw@^2',
  'typescript@5.9',
  'typescript-7@npm:typescript@^7',
  '@types/node@20',
  'vitest@^4',
]

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}

/** What `npm pack` puts in the tarball: package.json's `files`, package.json and LICENSE. */
function copyPackage(destination: string): void {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    files: string[]
  }
  mkdirSync(destination, { recursive: true })
  for (const file of [...pkg.files, 'package.json', 'LICENSE'])
    cpSync(join(REPO_ROOT, file), join(destination, file), { recursive: true })
}

function linkRepositoryModules(modules: string): void {
  const source = join(REPO_ROOT, 'node_modules')
  mkdirSync(join(modules, '.bin'), { recursive: true })
  for (const name of readdirSync(source)) {
    if (name.startsWith('.')) continue
    symlinkSync(join(source, name), join(modules, name))
  }
  // The bins as npm links them (relative links into node_modules), and the copy's own.
  for (const name of readdirSync(join(source, '.bin')))
    symlinkSync(readlinkSync(join(source, '.bin', name)), join(modules, '.bin', name))
  symlinkSync('../voiceable-mock/dist/cli.js', join(modules, '.bin', 'voiceable-mock'))
}

function installFromRegistry(project: string, packages: string[]): void {
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', project], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
  const [{ filename }] = JSON.parse(packed) as [{ filename: string }]
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      join(project, filename),
      ...BASE_PACKAGES,
      ...packages,
    ],
    { cwd: project, stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 },
  )
}

/**
 * Makes the consumer project in a new temporary folder and returns its path. `packages` are the
 * specs the docs' install commands name (installed in `registry` mode, checked in `linked` mode
 * by the caller).
 */
export function createConsumerProject(mode: ConsumerMode, packages: string[]): string {
  const project = mkdtempSync(join(tmpdir(), 'voiceable-mock-docs-'))
  writeJson(join(project, 'package.json'), {
    name: 'docs-consumer',
    private: true,
    type: 'module',
  })
  if (mode === 'registry') installFromRegistry(project, packages)
  else {
    copyPackage(join(project, 'node_modules', 'voiceable-mock'))
    linkRepositoryModules(join(project, 'node_modules'))
  }
  return project
}

/** Whether `name` resolves from the project's node_modules (a package's folder is there). */
export function hasPackage(project: string, name: string): boolean {
  return existsSync(join(project, 'node_modules', name, 'package.json'))
}
