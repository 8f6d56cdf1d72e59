import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { FIDELITY_ROWS } from './fidelity.js'

const FIDELITY = readFileSync(new URL('../../../docs/fidelity.md', import.meta.url), 'utf8')

/** The first cell of each row of docs/fidelity.md's table, and its anchor. */
const ROWS = FIDELITY.split('\n')
  .filter((line) => line.startsWith('| '))
  .map((line) => {
    const cell = line.slice(2, line.indexOf(' |'))
    const anchor = /<a id="([^"]+)"><\/a>/.exec(cell)?.[1]
    return {
      row: cell.replace(/<a id="[^"]+"><\/a>/, ''),
      ...(anchor === undefined ? {} : { anchor }),
    }
  })

it('names only rows docs/fidelity.md has, with their anchors', () => {
  for (const row of FIDELITY_ROWS) expect(ROWS).toContainEqual(row)
})
