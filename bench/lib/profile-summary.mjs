// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by package,
// and total (inclusive) time of functions whose location matches --focus=<substring>.
// Usage: node bench/lib/profile-summary.mjs <file.cpuprofile> [--top=25] [--focus=dist/index.js]
import { readFileSync } from 'node:fs'

const file = process.argv[2]
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.slice(6) ?? 25)
const focus = process.argv.find((a) => a.startsWith('--focus='))?.slice(8)
const profile = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000 // ms per sample
const self = new Map()
for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + 1)

const parent = new Map()
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id)
const where = (node) => {
  const { functionName, url, lineNumber } = node.callFrame
  return `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(bench|dist)\//, '$1/')}:${lineNumber + 1}`
}
const pkg = (node) => {
  const url = node.callFrame.url
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  return m
    ? m[1]
    : url.includes('/dist/')
      ? 'dist (ours)'
      : url.startsWith('node:')
        ? 'node:internal'
        : url === ''
          ? `(${node.callFrame.functionName || 'native'})`
          : url.replace(/^.*\//, '')
}
const sum = (map, key, n) => map.set(key, (map.get(key) ?? 0) + n)
const fn = new Map()
const pk = new Map()
const inclusive = new Map()
for (const [id, n] of self) {
  const node = byId.get(id)
  sum(fn, where(node), n)
  sum(pk, pkg(node), n)
  if (focus !== undefined) {
    const seen = new Set()
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)
      if (frame.callFrame.url.includes(focus)) {
        const key = where(frame)
        if (!seen.has(key)) sum(inclusive, key, n)
        seen.add(key)
      }
    }
  }
}
const total = profile.samples.length
const show = (title, map) => {
  console.log(`\n${title}`)
  for (const [key, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${((n / total) * 100).toFixed(1).padStart(5)}%  ${(n * interval).toFixed(0).padStart(6)} ms  ${key}`,
    )
}
console.log(`${file}: ${total} samples, ${(total * interval).toFixed(0)} ms`)
show('self time by package', pk)
show('self time by function', fn)
if (focus !== undefined) show(`inclusive time of functions in ${focus}`, inclusive)
