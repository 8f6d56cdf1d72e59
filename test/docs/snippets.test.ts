/**
 * The docs run as written: every TypeScript, JavaScript and shell block of README.md and
 * docs/*.md (found by scripts/lib/doc-blocks.mjs, so a new page is covered without a change here)
 * is compiled and run in a consumer project against the build, or says why not in an HTML comment
 * right before it. How each kind runs: test/docs/README.md.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docBlocks, type DocBlock } from '../../scripts/lib/doc-blocks.mjs'
import { consumerMode, createConsumerProject, hasPackage, REPO_ROOT } from './consumer.js'
import { installedSpecs, onPort, packageName, parseShell, type ShellCommand } from './shell.js'

const CODE_LANGUAGES = new Set(['ts', 'tsx', 'js', 'sh', 'bash', 'shell'])
const SHELL = new Set(['sh', 'bash', 'shell'])
const STEP_TIMEOUT_MS = 90_000

const mode = consumerMode()
const blocks = docBlocks().filter((block) => CODE_LANGUAGES.has(block.lang))
const runnable = blocks.filter((block) => block.check === 'run' && block.title === undefined)
const compiled = blocks.filter(
  (block) =>
    (block.lang === 'ts' || block.lang === 'tsx') &&
    block.title === undefined &&
    (block.check === 'run' || block.check === 'compile-only'),
)
const shellBlocks = runnable.filter((block) => SHELL.has(block.lang))
const commandsOf = new Map(shellBlocks.map((block) => [block, parseShell(block.code)]))

/** Which way a runnable TypeScript/JavaScript block is run. */
function runnerOf(block: DocBlock): 'vitest' | 'jest' | 'node' {
  if (/from ['"]vitest['"]/.test(block.code)) return 'vitest'
  if (/from ['"]@jest\/globals['"]/.test(block.code)) return 'jest'
  return 'node'
}

/** The folder of a block's section: blocks under one heading share it (a command's output, a test). */
function sectionDir(block: DocBlock): string {
  const slug = `${block.file.replace(/\.md$/, '')}-${block.section}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return join('sections', slug)
}

function fileOf(block: DocBlock): string {
  const name = `${block.file.replace(/\W+/g, '-')}-${block.line}`
  if (block.lang === 'js') return join(sectionDir(block), `${name}.test.js`)
  const test = runnerOf(block) === 'vitest' ? '.test' : ''
  return join(sectionDir(block), 'src', `${name}${test}.${block.lang}`)
}

/** `console.log(…) // text`: the text the block says it prints, one line each. */
function expectedOutput(block: DocBlock): string[] {
  return [...block.code.matchAll(/^console\.log\(.*\)\s*\/\/\s*(.+)$/gm)].map(
    (match) => match[1] ?? '',
  )
}

/** The environment of every command: none of this vitest run's own variables. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: 'true', ...extra }
  for (const name of Object.keys(env))
    if (name.startsWith('VITEST') || name === 'NODE_OPTIONS' || name === 'TEST') delete env[name]
  env['npm_config_update_notifier'] = 'false'
  return env
}

interface Outcome {
  code: number | null
  stdout: string
  /** stdout and stderr. */
  output: string
}

/** Runs a command to its end (bounded by STEP_TIMEOUT_MS); several run at once. */
function run(command: string, args: string[], cwd: string): Promise<Outcome> {
  const startedAt = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: STEP_TIMEOUT_MS,
    })
    let stdout = ''
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += String(chunk)
      output += String(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)))
    child.once('error', (error) => resolve({ code: null, stdout, output: error.message }))
    child.once('close', (code) => {
      if (process.env['DOCS_TIMING'] !== undefined)
        process.stderr.write(`[docs] ${Date.now() - startedAt} ms: ${command} ${args.join(' ')}\n`)
      resolve({ code, stdout, output })
    })
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

let project = ''
/** Sections whose install commands name a package linked mode does not have (jest). */
const skippedSections = new Map<string, string>()
const execOutcomes = new Map<DocBlock, Outcome[]>()
const compileOutcomes: Record<'5.9' | '7', Outcome | undefined> = {
  '5.9': undefined,
  '7': undefined,
}
let vitestReport: { testResults: { name: string; status: string; message: string }[] } | undefined

function specsToInstall(): string[] {
  return [
    ...new Set(
      shellBlocks.flatMap((block) =>
        (commandsOf.get(block) ?? [])
          .filter((command) => command.kind === 'install')
          .flatMap((command) => installedSpecs(command.text)),
      ),
    ),
  ]
}

function writeBlocks(): void {
  for (const block of [...compiled, ...runnable.filter((entry) => entry.lang === 'js')]) {
    const dir = join(project, sectionDir(block))
    if (!existsSync(dir)) {
      mkdirSync(join(dir, 'src'), { recursive: true })
      writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n')
      symlinkSync('../../node_modules', join(dir, 'node_modules'))
    }
    writeFileSync(join(project, fileOf(block)), block.code)
  }
  for (const block of shellBlocks) mkdirSync(join(project, sectionDir(block)), { recursive: true })
  writeFileSync(
    join(project, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          moduleDetection: 'force',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          strict: true,
          skipLibCheck: true,
          rootDir: 'sections',
          outDir: 'out',
        },
        include: ['sections/*/src/**/*.ts'],
      },
      null,
      2,
    )}\n`,
  )
}

/**
 * Runs each block's `exec` commands (a generator, `npm pkg`, a test runner) in its section's
 * folder, in order; the blocks themselves at once.
 */
async function runExecCommands(): Promise<void> {
  await Promise.all(
    shellBlocks.map(async (block) => {
      if (skippedSections.has(sectionDir(block))) return
      const outcomes: Outcome[] = []
      for (const command of commandsOf.get(block) ?? []) {
        if (command.kind !== 'exec') continue
        outcomes.push(await run('bash', ['-c', command.text], join(project, sectionDir(block))))
      }
      execOutcomes.set(block, outcomes)
    }),
  )
}

async function runVitestBlocks(): Promise<void> {
  if (!runnable.some((block) => runnerOf(block) === 'vitest')) return
  const reportFile = join(project, 'vitest-report.json')
  await run(
    process.execPath,
    [
      join(project, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--dir',
      'sections',
      '--reporter=json',
      `--outputFile=${reportFile}`,
    ],
    project,
  )
  if (existsSync(reportFile)) vitestReport = JSON.parse(readFileSync(reportFile, 'utf8'))
}

beforeAll(async () => {
  const specs = specsToInstall()
  project = createConsumerProject(mode, specs)
  writeBlocks()
  if (mode === 'linked') {
    for (const block of shellBlocks)
      for (const command of commandsOf.get(block) ?? [])
        for (const spec of command.kind === 'install' ? installedSpecs(command.text) : [])
          if (!hasPackage(project, packageName(spec)))
            skippedSections.set(
              sectionDir(block),
              `${packageName(spec)} is not a dependency of this repository: DOCS_CONSUMER=registry (npm run test:docs:registry) runs it`,
            )
  }
  // The generators first (the OpenAPI types a block imports), then both compilers and vitest.
  await runExecCommands()
  const tsc = (folder: string): Promise<Outcome> =>
    run(process.execPath, [join(project, 'node_modules', folder, 'bin', 'tsc'), '-p', '.'], project)
  ;[compileOutcomes['5.9'], compileOutcomes['7']] = await Promise.all([
    tsc('typescript'),
    hasPackage(project, 'typescript-7') ? tsc('typescript-7') : undefined,
    runVitestBlocks(),
  ])
})

afterAll(() => {
  if (project !== '' && process.env['DOCS_KEEP'] === undefined)
    rmSync(project, { recursive: true, force: true })
})

describe('each block says how it is checked', () => {
  it.each(blocks.map((block): [string, DocBlock] => [block.id, block]))('%s', (_, block) => {
    if (block.check === 'fragment' || block.check === 'compile-only')
      expect(block.reason, 'a fragment says why it cannot run').toMatch(/\w+ \w+ \w+/)
    if (block.check === 'compile-only') expect(['ts', 'tsx']).toContain(block.lang)
    if (block.check === 'run-by') {
      const runner = join(REPO_ROOT, block.reason)
      expect(existsSync(runner), `${block.reason} exists`).toBe(true)
      // It reads the block itself, through the same extractor, or says it runs this page's commands.
      const text = readFileSync(runner, 'utf8')
      expect(text.includes('doc-blocks.mjs') || text.includes(block.file), block.reason).toBe(true)
    }
    if (block.title !== undefined) {
      expect(
        block.example,
        'a titled block names its example (<!-- example: dir -->)',
      ).toBeDefined()
      const file = join(REPO_ROOT, block.example ?? '', block.title)
      expect(block.code, `${block.title} equals ${file}`).toBe(readFileSync(file, 'utf8'))
    }
    if (block.check === 'run' && SHELL.has(block.lang)) {
      const unknown = (commandsOf.get(block) ?? []).filter((command) => command.kind === 'unknown')
      expect(
        unknown.map((command) => command.text),
        'commands the suite cannot run',
      ).toEqual([])
    }
    if (block.check === 'run' && block.lang === 'js')
      expect(runnerOf(block), 'a JavaScript block is a Jest test').toBe('jest')
  })
})

describe('TypeScript blocks compile (tsc --strict, moduleResolution NodeNext)', () => {
  it.for(['5.9', '7'] as const)('with TypeScript %s', (version, context) => {
    if (compileOutcomes[version] === undefined)
      context.skip(
        'TypeScript 7 is not a dependency of this repository (its tsc bin would shadow 5.9s): npm run test:docs:registry compiles with it',
      )
    const outcome = compileOutcomes[version]
    expect(outcome?.output.trim()).toBe('')
    expect(outcome?.code).toBe(0)
  })
})

const nodeBlocks = runnable.filter(
  (block) => (block.lang === 'ts' || block.lang === 'tsx') && runnerOf(block) === 'node',
)
describe.runIf(nodeBlocks.length > 0).concurrent('TypeScript blocks run against the build', () => {
  it.each(nodeBlocks.map((block): [string, DocBlock] => [block.id, block]))(
    '%s',
    async (_, block) => {
      // tsc emits every file even when another block has a type error (which the compile test
      // reports), so each block still runs.
      const output = join(project, 'out', fileOf(block).replace(/^sections\//, '')).replace(
        /\.tsx?$/,
        '.js',
      )
      expect(existsSync(output), `tsc wrote ${output}`).toBe(true)
      const outcome = await run(process.execPath, [output], join(project, sectionDir(block)))
      expect(outcome.code, outcome.output).toBe(0)
      const printed = outcome.output.split('\n').map((line) => line.trim())
      for (const line of expectedOutput(block)) expect(printed).toContain(line)
    },
  )
})

const vitestBlocks = runnable.filter((block) => runnerOf(block) === 'vitest')
describe.runIf(vitestBlocks.length > 0)('vitest blocks pass under vitest', () => {
  it.each(vitestBlocks.map((block): [string, DocBlock] => [block.id, block]))('%s', (_, block) => {
    const result = vitestReport?.testResults.find((entry) =>
      entry.name.endsWith(fileOf(block).replace(/^sections\//, '')),
    )
    expect(result?.status, result?.message).toBe('passed')
  })
})

describe.concurrent('shell blocks run', () => {
  it.for(shellBlocks.map((block): [string, DocBlock] => [block.id, block]))(
    '%s',
    async ([, block], context) => {
      const skipped = skippedSections.get(sectionDir(block))
      if (skipped !== undefined) context.skip(`not run in linked mode: ${skipped}`)
      for (const outcome of execOutcomes.get(block) ?? [])
        expect(outcome.code, outcome.output).toBe(0)
      await runServerCommands(block, commandsOf.get(block) ?? [])
    },
  )
})

interface RunningServer {
  origin: string
  /** SIGTERM to the command's process group; resolves whether it stopped cleanly. */
  stop(): Promise<boolean>
}

/** Starts a server command on a free port; resolves once it prints its listening line. */
async function startServer(command: string, cwd: string): Promise<RunningServer> {
  const port = await freePort()
  const child = spawn('bash', ['-c', `exec ${onPort(command, port)}`], {
    cwd,
    env: childEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`\`${command}\` printed no listening line:\n${output}`)),
      STEP_TIMEOUT_MS,
    )
    const read = (chunk: Buffer): void => {
      output += String(chunk)
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    void exited.then(({ code }) => reject(new Error(`\`${command}\` exited ${code}:\n${output}`)))
  })
  return {
    origin,
    // npm (under `npx` and `npm start`) dies of the signal it forwards, whatever the server's
    // own exit code: the server's clean stop on SIGTERM is test/server/cli-process.test.ts's.
    stop: async () => {
      process.kill(-(child.pid ?? 0), 'SIGTERM')
      const { code, signal } = await exited
      return code === 0 || signal === 'SIGTERM' || code === 143
    },
  }
}

async function runServerCommands(block: DocBlock, commands: ShellCommand[]): Promise<void> {
  const servers: RunningServer[] = []
  const cwd = join(project, sectionDir(block))
  try {
    for (const command of commands) {
      if (command.kind === 'server') {
        const inRepository = /^npm start/.test(command.text)
        const server = await startServer(command.text, inRepository ? REPO_ROOT : cwd)
        servers.push(server)
        const answer = await fetch(`${server.origin}/api/v1/api_keys`)
        expect(await answer.json(), command.text).toHaveProperty('status')
      }
      if (command.kind === 'curl') {
        if (servers.length === 0) servers.push(await startServer('npx voiceable-mock', cwd))
        const origin = servers.at(-1)?.origin.replace('127.0.0.1', 'localhost') ?? ''
        const outcome = await run(
          'bash',
          ['-c', command.text.replaceAll('http://localhost:3000', origin)],
          cwd,
        )
        expect(outcome.code, outcome.output).toBe(0)
        const body = JSON.parse(outcome.stdout) as { status: { code: number } }
        expect(body.status.code, command.text).toBeLessThan(400)
      }
    }
  } finally {
    for (const server of servers) expect(await server.stop(), 'stopped by SIGTERM').toBe(true)
  }
}
