#!/usr/bin/env node
/** The `voiceable-mock` bin: `run` (cli.ts) on the real process's arguments, streams and signals. */
import { run } from './cli.js'

const stopRequested = new Promise<string>((resolve) => {
  const stop = (signal: NodeJS.Signals): void => {
    process.off('SIGINT', stop).off('SIGTERM', stop)
    resolve(signal)
  }
  process.on('SIGINT', stop).on('SIGTERM', stop)
})

run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stopRequested,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `voiceable-mock: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
