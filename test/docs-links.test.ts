import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// Every relative link of the README and the docs resolves: the file exists, and an anchor names
// a heading (GitHub's slug) or an explicit `<a id>` in that file.

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  const withoutCode = markdown.replace(/^```[\s\S]*?^```$/gm, '')
  for (const [, heading] of withoutCode.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading ?? '')
    const count = seen.get(base) ?? 0
    anchors.add(count === 0 ? base : `${base}-${count}`)
    seen.set(base, count + 1)
  }
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(id ?? '')
  return anchors
}

function linksOf(markdown: string): string[] {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '')
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '')
}

it.each(DOCS)('%s links only to files and anchors that exist', (doc) => {
  const text = readFileSync(join(ROOT, doc), 'utf8')
  const broken: string[] = []
  for (const link of linksOf(text)) {
    if (/^[a-z]+:/i.test(link)) continue // https:, mailto:
    const [path = '', anchor] = link.split('#')
    const target = path === '' ? join(ROOT, doc) : join(ROOT, dirname(doc), path)
    if (!existsSync(target)) {
      broken.push(`${link} (no file ${relative(ROOT, target)})`)
      continue
    }
    if (
      anchor !== undefined &&
      target.endsWith('.md') &&
      !anchorsOf(readFileSync(target, 'utf8')).has(anchor)
    )
      broken.push(`${link} (no anchor #${anchor} in ${relative(ROOT, target)})`)
  }
  expect(broken).toEqual([])
})
