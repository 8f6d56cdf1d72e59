import { expect, it } from 'vitest'
import { run } from './cli.js'
import { suggestFlag, withFlagSuggestion } from './suggest-flag.js'

const HELP = `Options:
  -p, --port <n>           Port
      --scenario <name>    Starting data
      --data <file.json>   Start from a saved store
      --persist            Keep the store
      --no-control         Turn the control API off
      --reveal-key-values  Return key secrets
  -q, --quiet              No banner
`

it.each([
  ['--prot', '--port'],
  ['--prt', '--port'],
  ['-port', '--port'],
  ['--PORT', '--port'],
  ['--port=3000', '--port'],
  ['--scenarios', '--scenario'],
  ['--senario', '--scenario'],
  ['--persits', '--persist'],
  ['--reveal', '--reveal-key-values'],
  ['--reveal-key-value', '--reveal-key-values'],
  ['--nocontrol', '--no-control'],
  ['--quite', '--quiet'],
])('suggests %s → %s', (typed, flag) => {
  expect(suggestFlag(typed, HELP)).toBe(flag)
})

it.each(['--bogus', '--x', '-x', '--verbose', '--database-url'])(
  'suggests nothing for %s',
  (typed) => {
    expect(suggestFlag(typed, HELP)).toBeUndefined()
  },
)

it('appends the hint to parseArgs’ message for an unknown option only', () => {
  expect(withFlagSuggestion("Unknown option '--prot'", HELP)).toBe(
    "Unknown option '--prot'. Did you mean --port?",
  )
  expect(withFlagSuggestion("Unknown option '--bogus'", HELP)).toBe("Unknown option '--bogus'")
  expect(withFlagSuggestion("Unexpected argument 'serve'", HELP)).toBe(
    "Unexpected argument 'serve'",
  )
})

it('the command line names the nearest flag of its own help, then the usage, exit code 2', async () => {
  let stderr = ''
  const code = await run(['--prot', '3200'], {
    stdout: () => undefined,
    stderr: (text) => void (stderr += text),
    stopRequested: new Promise<string>(() => undefined),
  })
  expect(code).toBe(2)
  expect(stderr.startsWith("voiceable-mock: Unknown option '--prot'. Did you mean --port?\n")).toBe(
    true,
  )
  expect(stderr).toContain('\n\nUsage: voiceable-mock [options]\n')
})
