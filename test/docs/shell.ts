/**
 * The commands of a docs shell block, and how the docs suite runs each kind:
 *
 * - `install`: `npm install …` / `npm i …`. The named packages are installed into the consumer
 *   project before anything runs (registry mode) or must already be there (linked mode);
 * - `server`: `npx voiceable-mock …` (in the consumer project) or `npm start …` (in the
 *   repository), started on a free port instead of the one written (3000 may be taken), checked
 *   to answer, and stopped with SIGTERM at the end of the block, which must exit 0;
 * - `curl`: run against the block's server (or one started for it), `localhost:3000` replaced by
 *   its address; the answer must be the API's JSON envelope;
 * - `exec`: anything else that starts with `npx`, `npm pkg`, `npm exec` or an environment
 *   assignment followed by one of those: run as written, in the block's folder.
 *
 * A line of any other kind makes the block fail: annotate it (`<!-- fragment: … -->` or
 * `<!-- run-by: … -->`) instead.
 */

export type CommandKind = 'install' | 'server' | 'curl' | 'exec' | 'unknown'

export interface ShellCommand {
  kind: CommandKind
  text: string
}

/** The line without a trailing `# comment` (a `#` after whitespace, outside quotes). */
function stripComment(line: string): string {
  let quote: string | undefined
  for (let index = 0; index < line.length; index++) {
    const char = line[index]
    if (quote !== undefined) {
      if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") quote = char
    else if (char === '#' && (index === 0 || /\s/.test(line[index - 1] ?? ''))) {
      return line.slice(0, index).trimEnd()
    }
  }
  return line.trimEnd()
}

function kindOf(command: string): CommandKind {
  const withoutEnv = command.replace(/^(?:[A-Z_][A-Z0-9_]*=\S*\s+)+/, '')
  if (/^npm (?:install|i|ci)(?:\s|$)/.test(withoutEnv)) return 'install'
  if (/^npx voiceable-mock(?:\s|$)/.test(withoutEnv) || /^npm start(?:\s|$)/.test(withoutEnv))
    return 'server'
  if (/^curl\s/.test(withoutEnv)) return 'curl'
  if (/^(?:npx|npm pkg|npm exec)\s/.test(withoutEnv)) return 'exec'
  return 'unknown'
}

/** The commands of a block: comments dropped, `\` continuations joined, `a && b` split. */
export function parseShell(code: string): ShellCommand[] {
  const joined = code.replace(/\\\n\s*/g, ' ')
  return joined
    .split('\n')
    .map(stripComment)
    .filter((line) => line.trim() !== '')
    .flatMap((line) => line.split(/\s+&&\s+/))
    .map((text) => ({ kind: kindOf(text.trim()), text: text.trim() }))
}

/**
 * The package specs an install command names: its arguments that are not flags (`-D`,
 * `--save-dev`) and not this package itself (installed from the build instead).
 */
export function installedSpecs(command: string): string[] {
  const [, , ...args] = command.split(/\s+/)
  return args.filter(
    (arg) => !arg.startsWith('-') && !/^(?:voiceable-mock|git\+|\.{0,2}\/)/.test(arg),
  )
}

/** A spec's package name: `openapi-typescript@7` → `openapi-typescript`, `@types/node@20` → `@types/node`. */
export function packageName(spec: string): string {
  const at = spec.indexOf('@', 1)
  return at === -1 ? spec : spec.slice(0, at)
}

/**
 * A server command on `port` instead of the one written: `--port N`/`-p N` replaced, or
 * `--port` added (after `--` for `npm start`). `--quiet` is added: the suite reads only the
 * listening line.
 */
export function onPort(command: string, port: number): string {
  const replaced = command.replace(/(--port|-p)\s+\d+/, `--port ${port}`)
  const withPort = replaced !== command ? replaced : addFlag(command, `--port ${port}`)
  return addFlag(withPort, '--quiet')
}

function addFlag(command: string, flag: string): string {
  if (/^npm start(?:\s|$)/.test(command) && !/\s--(?:\s|$)/.test(command))
    return `${command} -- ${flag}`
  return `${command} ${flag}`
}
