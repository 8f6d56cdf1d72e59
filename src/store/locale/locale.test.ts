/**
 * Every faker method the factories call works on the project's locale: a method whose data is
 * neither in src/store/locale/ nor in faker's `base` throws here, over many seeds, rather than
 * in a user's test. The methods are found by reading src/, so a resource added later is covered
 * without editing this file.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFaker } from '../random.js'

const SRC = join(import.meta.dirname, '..', '..')
const SEEDS = 200
const REF_DATE = '2025-01-15T10:30:00.000Z'

/** Modules whose methods draw numbers only, never locale data. */
const LOCALE_FREE = new Set(['number', 'string', 'datatype', 'helpers'])
/** The arguments a method cannot be called without. */
const ARGUMENTS: Record<string, unknown[]> = {
  'date.between': [{ from: '2024-01-01T00:00:00.000Z', to: REF_DATE }],
  'date.betweens': [{ from: '2024-01-01T00:00:00.000Z', to: REF_DATE }],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test(-d)?\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** `module.method` for every `<something>.<module>.<method>(` in src/ that names a faker method. */
function fakerMethodsCalledInSrc(): string[] {
  const probe = createFaker(1, REF_DATE) as unknown as Record<string, Record<string, unknown>>
  const found = new Set<string>()
  for (const file of sourceFiles(SRC))
    for (const [, module, method] of readFileSync(file, 'utf8').matchAll(/\.(\w+)\.(\w+)\(/g))
      if (typeof probe[module as string]?.[method as string] === 'function')
        found.add(`${module}.${method}`)
  return [...found].sort()
}

const called = fakerMethodsCalledInSrc()

/** `faker.<module>.<method>`, called with `args` on a faker seeded with `seed`. */
function call(name: string, seed: number, args: unknown[] = []): unknown {
  const [module, method] = name.split('.') as [string, string]
  const faker = createFaker(seed, REF_DATE) as unknown as Record<
    string,
    Record<string, (...args: unknown[]) => unknown>
  >
  const target = faker[module]
  return target?.[method]?.(...args)
}

it('finds the faker methods the factories call (so the test below can fail)', () => {
  expect(called).toEqual(expect.arrayContaining(['internet.domainName', 'internet.exampleEmail']))
})

describe.each(called.filter((name) => !LOCALE_FREE.has(name.split('.')[0] as string)))(
  'faker.%s on the project locale',
  (name) => {
    it(`answers over ${SEEDS} seeds without missing data`, () => {
      for (let seed = 0; seed < SEEDS; seed++) {
        const value = call(name, seed, ARGUMENTS[name])
        expect(value).toBeDefined()
        if (typeof value === 'string') {
          expect(value).not.toMatch(/\{\{|undefined/)
          expect(value.length).toBeGreaterThan(0)
        }
      }
    })
  },
)

describe('the locale itself', () => {
  it.each([
    'person.firstName',
    'person.lastName',
    'person.fullName',
    'internet.email',
    'internet.exampleEmail',
    'internet.domainName',
    'internet.username',
    'company.name',
    'commerce.department',
    'commerce.productName',
    'word.adjective',
    'word.noun',
    'word.verb',
  ])('answers faker.%s, for resources to come', (name) => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const value = call(name, seed)
      expect(value).toMatch(/^[\w .@'-]+$/)
      expect(value).not.toMatch(/undefined/)
    }
  })

  it('keeps generated emails on reserved example domains', () => {
    for (let seed = 0; seed < SEEDS; seed++)
      expect(createFaker(seed, REF_DATE).internet.exampleEmail()).toMatch(
        /@example\.(com|net|org)$/,
      )
  })
})
