import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// docs/storybook.md shows the example's files verbatim, each in a fence titled with its path.
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const EXAMPLE_DIR = join(REPO_ROOT, 'examples/storybook')
const RECIPE = readFileSync(join(REPO_ROOT, 'docs/storybook.md'), 'utf8')
const FILES = [
  'src/voiceable.ts',
  '.storybook/main.ts',
  '.storybook/preview.ts',
  'stories/api-keys.stories.tsx',
]

/** Every fenced block titled `title="path"`, keyed by its path. */
function titledBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>()
  for (const match of markdown.matchAll(/^```\w+ title="([^"]+)"\n([\s\S]*?)^```$/gm))
    blocks.set(match[1] ?? '', match[2] ?? '')
  return blocks
}

it('shows each file of the Storybook example in docs/storybook.md exactly as it is', () => {
  const blocks = titledBlocks(RECIPE)
  expect([...blocks.keys()].sort()).toEqual([...FILES].sort())
  for (const file of FILES)
    expect(blocks.get(file), file).toBe(readFileSync(join(EXAMPLE_DIR, file), 'utf8'))
})
