/** What the command lines (`voiceable-mock`, `voiceable-mock verify`) share: flags and their errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { withFlagSuggestion } from './suggest-flag.js'

/** A bad command line: the message, then the usage, on stderr; exit code 2. */
export class UsageError extends Error {}

/**
 * The flags of a command line, strictly: an unknown flag or a positional is a `UsageError`, with
 * the documented flag nearest to an unknown one (`help`, the usage that documents them).
 */
export function parseFlags<const Options extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: Options,
  help: string,
) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options }).values
  } catch (error) {
    throw new UsageError(
      withFlagSuggestion(error instanceof Error ? error.message : String(error), help),
    )
  }
}

/** A whole-number flag from `min` to `max`, or a `UsageError` naming it; `undefined` when not given. */
export function toInteger(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return Number(raw)
}
