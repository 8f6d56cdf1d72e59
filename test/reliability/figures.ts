/**
 * The reliability suites report what they did (sequences run, cases tried, requests sent) so the
 * figures in the README and the CI log are measured, not claimed. Console output fails tests
 * here, so the figures go to a JSON file per suite and one line on stdout.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const FIGURES_DIR =
  process.env['RELIABILITY_FIGURES_DIR'] ?? join(process.cwd(), '.vitest-reports', 'reliability')

export function recordFigures(suite: string, figures: Record<string, number>): void {
  mkdirSync(FIGURES_DIR, { recursive: true })
  writeFileSync(
    join(FIGURES_DIR, `${suite}.json`),
    `${JSON.stringify({ suite, ...figures, at: new Date().toISOString() })}\n`,
  )
  process.stdout.write(
    `[reliability] ${suite}: ${Object.entries(figures)
      .map(([name, value]) => `${value} ${name}`)
      .join(', ')}\n`,
  )
}
