import { execFile } from 'node:child_process'
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { NODE_ENTRY_PATH, REPO_ROOT, ROOT_ENTRY_PATH } from '../support/cli-process.js'

const run = promisify(execFile)
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>
  exports: Record<string, { types: string; import: string }>
}

/** Every module specifier a built file imports, statically or dynamically. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  return [
    ...source.matchAll(
      /(?:^|[;\n])\s*(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm,
    ),
  ].map((match) => (match[1] ?? match[2] ?? match[3]) as string)
}

it('keeps the root entry platform-neutral: nothing it loads imports a Node built-in', () => {
  const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
  const seen = new Set<string>()
  const reached: string[] = []
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else reached.push(specifier)
    }
  }
  visit(ROOT_ENTRY_PATH)
  expect(reached.length).toBeGreaterThan(0)
  expect(
    reached.filter((specifier) => builtins.has(specifier) || specifier.startsWith('node:')),
  ).toEqual([])
  expect(reached.filter((specifier) => specifier.startsWith('msw/'))).toEqual([])
})

it('loads jose only on first use: the root entry reaches it through a dynamic import alone', () => {
  const staticImports = (file: string): string[] =>
    [
      ...readFileSync(file, 'utf8').matchAll(
        /(?:^|[;\n])\s*(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm,
      ),
    ].map((match) => (match[1] ?? match[2]) as string)
  const seen = new Set<string>()
  const reachedStatically: string[] = []
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else reachedStatically.push(specifier)
    }
  }
  visit(ROOT_ENTRY_PATH)
  expect(reachedStatically).toContain('msw')
  expect(reachedStatically).not.toContain('jose')
  // The dynamic imports of what the root entry loads reach jose (through a chunk of ours).
  // (A package imported on first use, as papaparse is, is not ours to read.)
  const dynamic = [...seen].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)].map((match) =>
      resolve(dirname(file), match[1] as string),
    ),
  )
  expect(dynamic.flatMap((file) => staticImports(file))).toContain('jose')
})

it('points the voiceable-mock bin at an executable script with a node shebang', () => {
  const bin = join(REPO_ROOT, pkg.bin['voiceable-mock'] as string)
  expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  accessSync(bin, constants.X_OK)
})

it('resolves voiceable-mock/node by package name to a startMockServer function, with types', async () => {
  const script =
    "const m = await import('voiceable-mock/node'); process.stdout.write(typeof m.startMockServer)"
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    timeout: 15_000,
  })
  expect(stdout).toBe('function')
  accessSync(join(REPO_ROOT, pkg.exports['./node']?.types as string), constants.R_OK)
})

it("leaves the resources' OpenAPI words out of the built code: only dist/openapi.json holds them", () => {
  const resources = join(REPO_ROOT, 'src', 'resources')
  const words = readdirSync(resources, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const data = JSON.parse(readFileSync(join(resources, entry.name, 'resource.json'), 'utf8'))
      return (data.endpoints as { doc: { description: string } }[]).map(
        (endpoint) => endpoint.doc.description,
      )
    })
  expect(words.length).toBeGreaterThan(10)
  const code = readdirSync(dirname(ROOT_ENTRY_PATH))
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(dirname(ROOT_ENTRY_PATH), name), 'utf8'))
  expect(code.length).toBeGreaterThan(1)
  const shipped = readFileSync(join(REPO_ROOT, 'dist', 'openapi.json'), 'utf8')
  for (const text of words) {
    expect(shipped).toContain(JSON.stringify(text).slice(1, -1))
    expect(code.filter((source) => source.includes(JSON.stringify(text).slice(1, -1)))).toEqual([])
  }
})

it("serves dist/openapi.json from the built demo server, with this server's base URLs", async () => {
  const script = [
    `const { startMockServer } = await import(${JSON.stringify(NODE_ENTRY_PATH)})`,
    'const server = await startMockServer({ port: 0 })',
    "const response = await fetch(server.url + '/__voiceable/openapi.json')",
    'process.stdout.write(JSON.stringify({ status: response.status, url: server.url, document: await response.json() }))',
    'await server.close()',
  ].join('\n')
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    timeout: 15_000,
  })
  const { status, url, document } = JSON.parse(stdout)
  const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'openapi.json'), 'utf8'))
  expect(status).toBe(200)
  expect(document.servers[0].url).toBe(`${url}/api/v1`)
  expect({ ...document, servers: shipped.servers }).toEqual(shipped)
})
