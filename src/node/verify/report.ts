/**
 * A run's findings as work: a Markdown report (`--report`) with each difference, the request
 * that showed it and the docs/fidelity.md row it affects, and the exit code of the command line.
 */
import type { FidelityRow } from './fidelity.js'
import type { VerifyFinding, VerifyRequest } from './run.js'
import type { VerifyResult } from './verify.js'

/**
 * The exit code of a run: 1 with any difference (or a record left behind), 2 when a 429 kept a
 * request from being checked, else 0.
 */
export function exitCodeOf(result: VerifyResult): 0 | 1 | 2 {
  if (result.findings.length > 0 || result.leftBehind.length > 0) return 1
  return result.rateLimited.length > 0 ? 2 : 0
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** One line that sums a run up: `47 requests, 2 differences`. */
export function summarize(result: VerifyResult): string {
  const parts = [
    plural(result.requests.length, 'request'),
    plural(result.findings.length, 'difference'),
  ]
  if (result.rateLimited.length > 0) parts.push(`${result.rateLimited.length} rate-limited (429)`)
  if (result.notChecked.length > 0) parts.push(`${result.notChecked.length} not checked`)
  if (result.leftBehind.length > 0) parts.push(`${result.leftBehind.length} left behind`)
  return parts.join(', ')
}

/** Text in a Markdown code span, whatever backticks it holds. */
function code(text: string): string {
  const fence = '`'.repeat(
    (text.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0) + 1,
  )
  return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`
}

function rowName(row: FidelityRow): string {
  return `${row.row}${row.anchor === undefined ? '' : ` (docs/fidelity.md#${row.anchor})`}`
}

const CREDENTIALS: Readonly<Record<VerifyRequest['credential'], string>> = {
  caller: 'with the API key',
  none: 'without a credential',
  bad: 'with an API key no backend issued',
}

function describeRequest(request: VerifyRequest): string {
  const body = request.body === undefined ? '' : `, body ${code(JSON.stringify(request.body))}`
  return `${code(`${request.method} ${request.path}`)} ${CREDENTIALS[request.credential]}${body} (endpoint ${code(request.endpoint)}); the backend answered ${request.status}`
}

function formatFinding(finding: VerifyFinding, index: number): string[] {
  const where = finding.at === '' ? '' : `${code(finding.at)}: `
  const lines = [
    `${index + 1}. ${code(finding.request.label)}: ${where}${finding.text}`,
    `   - request: ${describeRequest(finding.request)}`,
    `   - docs/fidelity.md row: ${rowName(finding.fidelity)}`,
  ]
  if (finding.alsoAt !== undefined)
    lines.push(`   - also in: ${finding.alsoAt.map((at) => code(at)).join(', ')}`)
  if (finding.alsoIn !== undefined)
    lines.push(
      `   - also in the answers to: ${finding.alsoIn.map((label) => code(label)).join(', ')}`,
    )
  return lines
}

function byRow(findings: readonly VerifyFinding[]): string[] {
  const counts = new Map<string, number>()
  for (const finding of findings) {
    const name = rowName(finding.fidelity)
    counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return [
    '| docs/fidelity.md row | differences |',
    '|---|---|',
    ...[...counts].map(([name, count]) => `| ${name.replaceAll('|', '\\|')} | ${count} |`),
  ]
}

/**
 * A run as a Markdown report: a summary, the differences by docs/fidelity.md row, each difference
 * with the request that showed it, then the 429s, what was not checked and anything left behind.
 * Holds no secret: findings are masked when they are made.
 */
export function formatVerifyReport(result: VerifyResult, date: Date = new Date()): string {
  const { findings } = result
  const sections = [
    `# voiceable-mock verify: ${plural(findings.length, 'difference')}`,
    '',
    `Backend ${code(result.baseUrl)}, ${date.toISOString().replace(/\.\d+Z$/, 'Z')}, ${result.write ? 'with --write' : 'reads only (no --write)'}: ${summarize(result)}.`,
  ]
  if (findings.length > 0)
    sections.push(
      '',
      '## By docs/fidelity.md row',
      '',
      ...byRow(findings),
      '',
      '## Differences',
      '',
      ...findings.flatMap(formatFinding),
    )
  else sections.push('', 'The backend answered every request as the fake would.')
  if (result.rateLimited.length > 0)
    sections.push(
      '',
      '## Rate limited (429, not differences: not checked)',
      '',
      ...result.rateLimited.map((request) => `- ${describeRequest(request)}`),
    )
  if (result.notChecked.length > 0)
    sections.push(
      '',
      '## Not checked',
      '',
      ...result.notChecked.map((item) => `- ${code(item.label)}: ${item.reason}`),
    )
  if (result.leftBehind.length > 0)
    sections.push(
      '',
      '## Left behind (delete these yourself)',
      '',
      ...result.leftBehind.map((item) => `- ${item}`),
    )
  return `${sections.join('\n')}\n`
}
