// Start-up of a process that imports the build whose dist/ folder is the first argument and,
// with --create, creates the default mock; for bench/compare-builds.mjs. As bench/startup/*.mjs,
// it prints its own CPU time (µs, user + system, from process start).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const { createVoiceableMock } = await import(pathToFileURL(join(process.argv[2], 'index.js')).href)
if (process.argv.includes('--create')) createVoiceableMock()

const cpu = process.cpuUsage()
process.stdout.write(String(cpu.user + cpu.system))
