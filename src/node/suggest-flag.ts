/**
 * "Did you mean" for the command line: the documented flag nearest to an unknown one, by edit
 * distance (a swap of two neighbouring letters counts as one edit) or by being its start.
 * Self-contained: cli.ts passes the help text, and the flags are the ones it documents.
 */

/** Every `--flag` a text names, once each, in order. */
function flagsIn(text: string): string[] {
  return [...new Set(text.match(/--[a-z][a-z-]*[a-z]/g) ?? [])]
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? []
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1)
    }
  }
  return at(a.length, b.length)
}

/**
 * The documented flag nearest to `unknown` (`--prot`, `-port`, `--reveal`), or `undefined` when
 * none is close: at most a third of its letters wrong, or `unknown` is the start of the flag.
 * @example suggestFlag('--prot', HELP) // '--port'
 */
export function suggestFlag(unknown: string, help: string): string | undefined {
  const name = unknown.replace(/^-+/, '').split('=')[0]?.toLowerCase() ?? ''
  if (name.length < 2) return undefined
  let best: { flag: string; score: number } | undefined
  for (const flag of flagsIn(help)) {
    const bare = flag.slice(2)
    const score = bare.startsWith(name) ? 0.5 : distance(name, bare)
    if (
      score <= Math.max(1, Math.floor(bare.length / 3)) &&
      (best === undefined || score < best.score)
    )
      best = { flag, score }
  }
  return best?.flag
}

/**
 * parseArgs' message with a hint appended when it names an unknown option that is close to a
 * documented one: `Unknown option '--prot'. Did you mean --port?`
 */
export function withFlagSuggestion(message: string, help: string): string {
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1]
  const suggestion = unknown === undefined ? undefined : suggestFlag(unknown, help)
  return suggestion === undefined ? message : `${message}. Did you mean ${suggestion}?`
}
