import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { transform } from 'esbuild'
import createClient from 'openapi-fetch'
import { expect, it, vi } from 'vitest'
import { createTestMock } from './support/call.js'
import { REPO_ROOT } from './support/cli-process.js'
import type { paths } from './generated/openapi.js'

vi.setConfig({ testTimeout: 60_000 })

const run = promisify(execFile)
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')

/** The code blocks of the README's "OpenAPI document" section: the commands, then the client. */
function readmeSnippet(): { generate: string; client: string } {
  const section = README.slice(README.indexOf('## OpenAPI document'))
  const blocks = [...section.matchAll(/```(sh|ts)\n([\s\S]*?)```/g)]
  const commands = blocks.find(([, language]) => language === 'sh')?.[2] ?? ''
  return {
    generate:
      commands.split('\n').find((line) => line.startsWith('npx --yes openapi-typescript@7')) ?? '',
    client: blocks.find(([, language]) => language === 'ts')?.[2] ?? '',
  }
}

it("generates a typed client with the README's two commands, and its example compiles and runs against mock.fetch", async () => {
  const { generate, client } = readmeSnippet()
  expect(generate).toBe(
    'npx --yes openapi-typescript@7 node_modules/voiceable-mock/dist/openapi.json -o src/voiceable-api.d.ts',
  )
  // Inside the repository, so that `openapi-fetch` and `voiceable-mock` resolve as in a consumer's.
  const project = join(REPO_ROOT, 'test', 'generated', 'readme-client')
  rmSync(project, { recursive: true, force: true })
  mkdirSync(join(project, 'src'), { recursive: true })
  // The installed package's document is this repository's build of it.
  const [input, , output] = generate.split(' ').slice(3) as [string, string, string]
  await run(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
      join(REPO_ROOT, input.replace('node_modules/voiceable-mock/', '')),
      '-o',
      join(project, output),
    ],
    { cwd: project },
  )
  writeFileSync(join(project, 'src', 'client.ts'), `${client}\nexport {}\n`)
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      include: ['src'],
    }),
  )
  await run(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', project])

  const { code } = await transform(client, { loader: 'ts', format: 'esm' })
  writeFileSync(join(project, 'src', 'client.mjs'), code)
  const logged: unknown[][] = []
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args))
  await import(join(project, 'src', 'client.mjs'))
  expect(logged).toEqual([['Production API Key', undefined]])
})

it('types the fake through openapi-fetch: paths, parameters, bodies and error bodies', async () => {
  const mock = createTestMock()
  const client = createClient<paths>({
    baseUrl: 'https://api.example.com/api/v1',
    fetch: mock.fetch,
  })
  const headers = { 'X-API-Key': 'your-api-key-here' }

  const created = await client.POST('/api_keys', {
    headers,
    body: { api_key: { name: 'From openapi-fetch', key_type: 'public' } },
  })
  expect(created.response.status).toBe(201)
  expect(created.data?.data.key_value).toMatch(/^pk_live_/)

  const page = await client.GET('/agents', {
    headers,
    params: { query: { page_size: '1', sort_by: 'name' } },
  })
  expect(page.data?.data).toHaveLength(1)
  expect(page.data?.has_more).toBe(true)

  const missing = await client.PATCH('/agents/{agentId}', {
    headers,
    params: { path: { agentId: '999' } },
    body: { agent: { name: 'Nobody' } },
  })
  expect(missing.response.status).toBe(404)
  expect(missing.error?.error).toBe('agent_not_found')

  const signedIn = await client.POST('/auth/sign_in', {
    body: { user: { email: 'user@example.com', password: 'password' } },
  })
  const me = await client.GET('/user/current', {
    headers: { Authorization: `Bearer ${signedIn.data?.token ?? ''}` },
  })
  expect(me.data?.data.email).toBe('user@example.com')
})
