/**
 * The Voiceable web app under test: a local clone of voiceabledev/voiceable-client, already built,
 * named by `VOICEABLE_CLIENT_DIR`. The app is unlicensed, so this repository never builds it nor
 * copies any of it: the suite only starts the clone's own `next start` against its own build.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const CLIENT_DIR_VARIABLE = 'VOICEABLE_CLIENT_DIR'

/** The commit the suite's screens, selectors and expectations were read from. */
export const CLIENT_COMMIT = '452210d847a6730f356d5812c789c4d3e8ee3e37'

export interface ClientDir {
  readonly dir: string
  /** `.next/BUILD_ID`: which build of the clone is being served. */
  readonly buildId: string
  /** The `next` binary of the clone's own node_modules. */
  readonly nextBin: string
}

/** Reads and checks `VOICEABLE_CLIENT_DIR`; throws one sentence saying what is wrong. */
export function resolveClientDir(value = process.env[CLIENT_DIR_VARIABLE]): ClientDir {
  const fail = (reason: string): never => {
    throw new Error(`${CLIENT_DIR_VARIABLE}=${value ?? ''}: ${reason}`)
  }
  if (value === undefined || value === '')
    fail('not set; point it at a built clone of voiceabledev/voiceable-client')
  const dir = resolve(value as string)
  if (!existsSync(join(dir, 'package.json'))) fail('no package.json there, not a clone of the app')
  let head = ''
  try {
    head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
  } catch {
    fail('not a git checkout (git rev-parse HEAD failed)')
  }
  if (head !== CLIENT_COMMIT)
    fail(`HEAD is ${head.slice(0, 7)}, the suite is written for ${CLIENT_COMMIT.slice(0, 7)}`)
  const buildIdFile = join(dir, '.next/BUILD_ID')
  if (!existsSync(buildIdFile)) fail('.next/BUILD_ID is missing: the clone is not built')
  const nextBin = join(dir, 'node_modules/next/dist/bin/next')
  if (!existsSync(nextBin))
    fail("node_modules/next is missing: the clone's dependencies are not installed")
  return { dir, buildId: readFileSync(buildIdFile, 'utf8').trim(), nextBin }
}
