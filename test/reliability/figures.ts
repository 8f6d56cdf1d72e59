/**
 * The reliability suites report what they did (sequences run, cases tried, requests sent) so the
 * figures in the README and the CI log are measured, not claimed: one line on stdout (console
 * output fails tests here), and a JSON file per suite only when `RELIABILITY_FIGURES_DIR` names a
 * folder, so that `npm test` writes nothing into the repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const FIGURES_DIR = process.env['RELIABILITY_FIGURES_DIR']

export function recordFigures(suite: string, figures: Record<string, number>): void {
  if (FIGURES_DIR !== undefined && FIGURES_DIR !== '') {
    mkdirSync(FIGURES_DIR, { recursive: true })
    writeFileSync(
      join(FIGURES_DIR, `${suite}.json`),
      `${JSON.stringify({ suite, ...figures, at: new Date().toISOString() })}\n`,
    )
  }
  process.stdout.write(
    `[reliability] ${suite}: ${Object.entries(figures)
      .map(([name, value]) => `${value} ${name}`)
      .join(', ')}\n`,
  )
}
