/**
 * `voiceable-mock verify`: the command line of `verifyBackend`. Findings on stdout (one line each,
 * or JSON with `--json`); the `--write` plan, waits, notes and the summary on stderr. Never
 * prompts; never prints a secret. Exit codes: 0 no difference, 1 any, 2 for a usage error, an
 * unreachable backend or a refused key, or a 429 that kept a request from being checked.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseFlags, toInteger, UsageError } from '../cli-args.js'
import { VerifyError } from './client.js'
import { exitCodeOf, formatVerifyReport, summarize } from './report.js'
import { verifyBackend, type VerifyOptions, type VerifyResult } from './verify.js'

/** Where the API key is read from when `--api-key` is not given (a CI secret). */
export const API_KEY_VARIABLE = 'VOICEABLE_API_KEY'

export const VERIFY_HELP = `Usage: voiceable-mock verify --base-url <url> --api-key <key> [options]

Checks a real Voiceable backend against this fake: sends a corpus of requests derived from
the fake's endpoint table and names every difference between each answer and the fake's
(status, envelope, field names, order, types and null, status.message, error code,
Content-Type and X-RateLimit-* headers), one line each.

Without --write it only reads: GETs, and requests that cannot change anything (without a
credential or with a bad one: 401; an id that does not exist: 404; sign-in and sign-up
with blank fields). It paces itself under the backend's X-RateLimit-* headers and waits
out a 429 (Retry-After), which it reports as a 429, never as a difference.

Options:
      --base-url <url>   The backend's base URL, with the API prefix:
                         https://api.voiceable.dev/voiceable-api (the real backend), or
                         one ending in /api/v1 (as documented)
      --api-key <key>    A private API key of a test account (default: $${API_KEY_VARIABLE});
                         never printed
      --write            Also create an API key and an agent of its own, read them back,
                         update and delete them, leaving nothing behind (prints the plan
                         first; never prompts)
      --json             Write the result as JSON on stdout, for CI
      --report <file>    Write a Markdown report: each difference, the request that showed
                         it and the docs/fidelity.md row it affects
      --timeout <ms>     How long to wait for each answer (default 30000)
      --max-wait <s>     The longest wait on a 429 before it is reported (default 120)
  -h, --help             Show this help and exit

Exit codes: 0 no difference; 1 any difference (or a record --write could not delete);
2 a usage error, an unreachable backend, a refused API key, or a 429 not outlasted.

Examples:
  voiceable-mock verify --base-url https://api.voiceable.dev/voiceable-api --api-key sk_live_…
  ${API_KEY_VARIABLE}=… voiceable-mock verify --base-url http://localhost:3000/api/v1 --write --json
`

/** What `verify` writes to, and reads the API key from. */
export interface VerifyIo {
  stdout(text: string): void
  stderr(text: string): void
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
}

interface VerifyCommand {
  readonly options: VerifyOptions
  readonly json: boolean
  readonly report: string | undefined
}

/** The base URL, checked: http(s), with a path (the API prefix). */
function baseUrlOf(raw: string | undefined): string {
  if (raw === undefined) throw new UsageError('--base-url is required: the backend to check')
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol))
    throw new UsageError(
      '--base-url must be an http(s) URL, e.g. https://api.voiceable.dev/voiceable-api',
    )
  if (new URL(raw).pathname.replace(/\/+$/, '') === '')
    throw new UsageError(
      '--base-url must end with the API prefix: /voiceable-api (the real backend) or /api/v1 (as documented)',
    )
  return raw
}

/** The report file, checked before the run: its folder must exist, and it must not be a folder. */
function reportOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  const file = resolve(raw)
  if (!existsSync(dirname(file)) || (existsSync(file) && statSync(file).isDirectory()))
    throw new UsageError(`--report ${raw}: not a file in an existing folder`)
  return file
}

function parseVerifyLine(argv: string[], io: VerifyIo): VerifyCommand | 'help' {
  const values = parseFlags(
    argv,
    {
      'base-url': { type: 'string' },
      'api-key': { type: 'string' },
      write: { type: 'boolean' },
      json: { type: 'boolean' },
      report: { type: 'string' },
      timeout: { type: 'string' },
      'max-wait': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    VERIFY_HELP,
  )
  if (values.help === true) return 'help'
  const baseUrl = baseUrlOf(values['base-url'])
  const apiKey = values['api-key'] ?? io.env?.[API_KEY_VARIABLE]
  if (apiKey === undefined || apiKey.trim() === '')
    throw new UsageError(
      `--api-key is required (or set ${API_KEY_VARIABLE}): a private API key of a test account`,
    )
  if (/\s/.test(apiKey)) throw new UsageError('--api-key must not contain spaces')
  const timeoutMs = toInteger('timeout', values.timeout, 1, 600_000)
  const maxWait = toInteger('max-wait', values['max-wait'], 0, 3600)
  const options: VerifyOptions = {
    baseUrl,
    apiKey,
    write: values.write === true,
    onProgress: (line) => io.stderr(`voiceable-mock verify: ${line}\n`),
  }
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs
  if (maxWait !== undefined) options.maxRateLimitWaitMs = maxWait * 1000
  return { options, json: values.json === true, report: reportOf(values.report) }
}

/** The findings, the 429s, what was not checked and anything left behind, as text. */
function printResult(result: VerifyResult, json: boolean, io: VerifyIo): void {
  if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`)
  else for (const finding of result.findings) io.stdout(`${finding.line}\n`)
  const note = (line: string): void => io.stderr(`voiceable-mock verify: ${line}\n`)
  for (const request of result.rateLimited)
    note(`${request.label}: 429 rate limited, not a difference: not checked`)
  for (const item of result.notChecked) note(`not checked: ${item.label}: ${item.reason}`)
  for (const item of result.leftBehind) note(`left behind: ${item}; delete it yourself`)
  note(`${result.baseUrl}: ${summarize(result)}`)
}

/**
 * Runs `voiceable-mock verify` (argv after `verify`); resolves with the exit code, never throws
 * for bad input or an unreachable backend.
 */
export async function runVerify(argv: readonly string[], io: VerifyIo): Promise<number> {
  let command: VerifyCommand | 'help'
  try {
    command = parseVerifyLine([...argv], io)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`voiceable-mock verify: ${error.message}\n\n${VERIFY_HELP}`)
    return 2
  }
  if (command === 'help') {
    io.stdout(VERIFY_HELP)
    return 0
  }
  let result: VerifyResult
  try {
    result = await verifyBackend(command.options)
  } catch (error) {
    if (!(error instanceof VerifyError)) throw error
    io.stderr(`voiceable-mock verify: ${error.message}\n`)
    for (const item of error.leftBehind)
      io.stderr(`voiceable-mock verify: left behind: ${item}; delete it yourself\n`)
    return 2
  }
  printResult(result, command.json, io)
  if (command.report !== undefined) {
    try {
      writeFileSync(command.report, formatVerifyReport(result))
    } catch (error) {
      io.stderr(
        `voiceable-mock verify: cannot write --report ${command.report}: ${String(error)}\n`,
      )
      return 2
    }
  }
  return exitCodeOf(result)
}
