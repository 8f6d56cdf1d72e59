// json-server 0.17 (its own CLI, in this process) serving --db on --port, loopback only.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { announce } from './control.mjs'

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const port = arg('port')
const bin = join(arg('repo'), 'node_modules', 'json-server', 'lib', 'cli', 'bin.js')
process.argv = [
  process.argv[0],
  bin,
  arg('db'),
  '--port',
  port,
  '--host',
  '127.0.0.1',
  '--quiet',
  '--read-only',
]
createRequire(import.meta.url)(bin)
const base = `http://127.0.0.1:${port}`
for (let attempt = 0; attempt < 100; attempt++) {
  if (
    await fetch(`${base}/api_keys/1`).then(
      (res) => res.ok,
      () => false,
    )
  )
    break
  await new Promise((resolve) => setTimeout(resolve, 100))
}
announce(base)
