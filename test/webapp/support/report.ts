/**
 * What each test found, and the Markdown summary built from all of them. Tests write one JSON
 * record each into a scratch folder (they run in workers); the global teardown writes
 * `report/summary.md` next to the screenshots.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface ApiCall {
  method: string
  /** The path under the API prefix (`/voiceable-api` left out), with its query. */
  path: string
  /** The HTTP status, or 0 when no answer came (network error, or still pending at the end). */
  status: number
  /** A non-2xx answer's `error` code (`route_not_found`), or why no answer came. */
  error?: string
  /** The fake's name for the endpoint that answered, from its journal (`listAgents`). */
  endpoint?: string
  /** Set when a non-2xx answer is what the app expects at that point, and why. */
  expected?: string
}

export interface Check {
  description: string
  ok: boolean
  /** What was seen instead, when not ok. */
  detail?: string
}

export interface TestRecord {
  kind: 'screen' | 'action'
  /** Position in its file's table, for the summary's order (tests run shuffled). */
  order: number
  title: string
  /** The address the test opened first, without the origin. */
  url: string
  passed: boolean
  calls: ApiCall[]
  /** Uncaught errors, console errors that read as a crash, and Next.js's error page. */
  pageErrors: string[]
  /** Other console errors the app logged (mostly its reaction to a failed call). */
  consoleErrors: string[]
  /** The toasts the app showed ("title: description"). */
  toasts: string[]
  /** Requests for other hosts, which the browser was made to refuse. */
  blocked: string[]
  /** Screens: the "shows data" check. Actions: the steps, each with its outcome. */
  checks: Check[]
  screenshot: string
  durationMs: number
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300

/** Calls that fail the test: no 2xx answer, and not a non-2xx the app expects there. */
export function failingCalls(record: Pick<TestRecord, 'calls'>): ApiCall[] {
  return record.calls.filter((call) => !isSuccess(call.status) && call.expected === undefined)
}

/** `GET /voices 404 route_not_found`, the query left out. */
export function describeCall(call: ApiCall, withQuery = false): string {
  const path = withQuery ? call.path : call.path.split('?')[0]
  const status = call.status === 0 ? 'no answer' : String(call.status)
  return [`${call.method} ${path}`, status, call.error].filter(Boolean).join(' ')
}

export function writeRecord(dir: string, slug: string, record: TestRecord): void {
  writeFileSync(join(dir, `${slug}.json`), JSON.stringify(record, null, 2))
}

export function readRecords(dir: string): TestRecord[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as TestRecord)
    .sort((a, b) => (a.kind === b.kind ? a.order - b.order : a.kind === 'screen' ? -1 : 1))
}

export interface RunInfo {
  client: string
  fake: string
  startedAt: Date
  durationMs: number
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``
const mark = (ok: boolean): string => (ok ? 'pass' : '**FAIL**')

/** Numbers, UUIDs and prefixed ids (`conv_8f2k1x`), not names such as `aws_s3`. */
const ID_SEGMENT = /^(\d+|[0-9a-f-]{16,}|[a-z]+_(?=[a-z]*\d)[a-z0-9]{6,})$/i

/** Replaces id-like path segments, so one missing route is counted once. */
function routeOf(call: ApiCall): string {
  const path = call.path
    .split('?')[0]!
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/')
  return `${call.method} ${path}`
}

function table(records: readonly TestRecord[], kind: 'screen' | 'action'): string[] {
  const heading = kind === 'screen' ? 'Screen' : 'Action'
  const last = kind === 'screen' ? 'Shows data' : 'Steps'
  const lines = [
    `| ${heading} | Result | API calls | Failing calls | Page errors | ${last} |`,
    '|---|---|---|---|---|---|',
  ]
  for (const record of records.filter((r) => r.kind === kind)) {
    const failing = failingCalls(record).map((call) => code(describeCall(call)))
    const unique = [...new Set(failing)]
    const checks =
      kind === 'screen'
        ? record.checks.map((check) => `${check.ok ? 'yes' : '**no**'}: ${check.description}`)
        : [stepsSummary(record.checks)]
    const title = `[${cell(record.title)}](screenshots/${record.screenshot})`
    lines.push(
      `| ${title} | ${mark(record.passed)} | ${record.calls.length} | ${cell(unique.join('<br>')) || '—'} | ${record.pageErrors.length || '—'} | ${cell(checks.join('<br>'))} |`,
    )
  }
  return lines
}

function stepsSummary(steps: readonly Check[]): string {
  const failed = steps.find((step) => !step.ok)
  const done = steps.filter((step) => step.ok).length
  if (failed === undefined) return `all ${steps.length} done`
  return `${done} done, then **${failed.description}**: ${failed.detail ?? ''}`
}

function details(record: TestRecord): string[] {
  const lines = [
    `### ${record.kind === 'screen' ? 'Screen' : 'Action'}: ${record.title}`,
    '',
    `Opened ${code(record.url)}; ${mark(record.passed)} in ${(record.durationMs / 1000).toFixed(1)} s; [screenshot](screenshots/${record.screenshot}).`,
    '',
  ]
  lines.push(record.kind === 'screen' ? 'Data check:' : 'Steps:', '')
  for (const check of record.checks)
    lines.push(
      `- ${check.ok ? 'ok' : 'FAILED'}: ${check.description}${check.detail ? ` (${check.detail})` : ''}`,
    )
  lines.push('', `API calls (${record.calls.length}):`, '')
  for (const call of record.calls) {
    const verdict = isSuccess(call.status)
      ? ''
      : call.expected
        ? ` (expected: ${call.expected})`
        : ' **failing**'
    lines.push(
      `- ${code(describeCall(call, true))}${call.endpoint ? ` → ${call.endpoint}` : ''}${verdict}`,
    )
  }
  if (record.calls.length === 0) lines.push('- none')
  const lists: Array<[string, string[]]> = [
    ['Page errors', record.pageErrors],
    ['Messages the app showed', record.toasts],
    ['Console errors the app logged (not counted as crashes)', record.consoleErrors],
    ['Requests off this machine, refused', record.blocked],
  ]
  for (const [title, items] of lists) {
    if (items.length === 0) continue
    lines.push('', `${title}:`, '', ...[...new Set(items)].map((item) => `- ${code(item)}`))
  }
  lines.push('')
  return lines
}

export function summaryMarkdown(records: readonly TestRecord[], run: RunInfo): string {
  const count = (kind: TestRecord['kind']): string => {
    const of = records.filter((r) => r.kind === kind)
    return `${of.filter((r) => r.passed).length} of ${of.length}`
  }
  const byRoute = new Map<string, { statuses: Set<string>; tests: Set<string> }>()
  for (const record of records)
    for (const call of failingCalls(record)) {
      const route = routeOf(call)
      const entry = byRoute.get(route) ?? { statuses: new Set(), tests: new Set() }
      entry.statuses.add([call.status || 'no answer', call.error].filter(Boolean).join(' '))
      entry.tests.add(record.title)
      byRoute.set(route, entry)
    }
  const routes = [...byRoute.entries()].sort(
    ([a, x], [b, y]) => y.tests.size - x.tests.size || a.localeCompare(b),
  )
  return [
    '# The Voiceable web app against voiceable-mock',
    '',
    `App: ${run.client}. Fake: ${run.fake}. Run ${run.startedAt.toISOString()}, ${(run.durationMs / 1000).toFixed(0)} s.`,
    '',
    `**Screens passing: ${count('screen')}. Actions passing: ${count('action')}.**`,
    '',
    'A screen passes when the page raised no error, every call to the fake was answered 2xx and',
    'its data check found what only loaded data shows. Paths are under `/voiceable-api`.',
    '',
    '## Screens',
    '',
    ...table(records, 'screen'),
    '',
    '## Actions',
    '',
    ...table(records, 'action'),
    '',
    '## Failing calls by route',
    '',
    '| Route | Answered | Tests |',
    '|---|---|---|',
    ...routes.map(
      ([route, { statuses, tests }]) =>
        `| ${code(route)} | ${cell([...statuses].join(', '))} | ${tests.size}: ${cell([...tests].join(', '))} |`,
    ),
    ...(routes.length === 0 ? ['| — | | |'] : []),
    '',
    '## Details',
    '',
    ...records.flatMap(details),
  ].join('\n')
}
