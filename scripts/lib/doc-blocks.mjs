// The fenced code blocks of README.md and docs/*.md, with the HTML comment that says how each is
// checked. A reader sees no comment; a block without one is run by the docs suite (test/docs/),
// by its language. Used by test/docs/ and by the scripts that run a block themselves.
//
//   <!-- fragment: why it cannot run on its own -->      not run
//   <!-- compile-only: why it cannot run in Node -->      compiled, not run (TypeScript)
//   <!-- run-by: scripts/install-paths.mjs -->           run by that file, which reads this block
//   <!-- example: examples/storybook -->                 (on a line of its own, anywhere above)
//                                                         a block titled `title="path"` is that
//                                                         file of the example, verbatim
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..', '..')

/** README.md and every Markdown page of docs/: new pages are covered without a change here. */
export function docFiles(root = ROOT) {
  return [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `docs/${name}`),
  ]
}

const ANNOTATION = /^<!--\s*(fragment|compile-only|run-by):\s*(.*?)\s*-->$/
const EXAMPLE = /^<!--\s*example:\s*(\S+)\s*-->$/

/** The blocks of one Markdown text; `file` names it in each block's `id` (`README.md:32`). */
export function blocksOf(file, markdown) {
  const lines = markdown.split('\n')
  const blocks = []
  let example
  let section = ''
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const heading = /^#{1,6} (.+)$/.exec(line)
    if (heading !== null) section = heading[1]
    const exampleMatch = EXAMPLE.exec(line.trim())
    if (exampleMatch !== null) example = exampleMatch[1]
    const fence = /^(\s*)```(\w*)(.*)$/.exec(line)
    if (fence === null) continue
    const [, indent, lang, info] = fence
    const start = index
    const body = []
    for (index++; index < lines.length && lines[index].trim() !== '```'; index++)
      body.push(lines[index].slice(indent.length))
    let previous = start - 1
    while (previous >= 0 && lines[previous].trim() === '') previous--
    const annotation = previous >= 0 ? ANNOTATION.exec(lines[previous].trim()) : null
    const title = /title="([^"]+)"/.exec(info)?.[1]
    blocks.push({
      id: `${file}:${start + 1}`,
      file,
      line: start + 1,
      lang,
      section,
      title,
      example: title === undefined ? undefined : example,
      check: annotation === null ? 'run' : annotation[1],
      reason: annotation?.[2] ?? '',
      code: body.length === 0 ? '' : `${body.join('\n')}\n`,
    })
  }
  return blocks
}

/** Every block of README.md and docs/*.md, in page order. */
export function docBlocks(root = ROOT) {
  return docFiles(root).flatMap((file) => blocksOf(file, readFileSync(join(root, file), 'utf8')))
}
