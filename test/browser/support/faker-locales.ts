import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'

/**
 * Which faker locales a bundle holds, from its list of input files. Faker ships each locale as
 * `dist/locale/<name>.js` re-exporting a chunk `dist/<name>-<hash>.js`; importing the root
 * `@faker-js/faker` would pull every chunk in.
 */
export function bundledFakerLocales(inputs: readonly string[], repoRoot: string): string[] {
  const fakerDist = join(repoRoot, 'node_modules/@faker-js/faker/dist')
  const locales = readdirSync(join(fakerDist, 'locale'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => file.slice(0, -'.js'.length))
  const fakerFiles = inputs
    .filter((input) => input.includes('@faker-js/faker/dist/'))
    .map((input) => basename(input))
  return locales.filter(
    (locale) =>
      locale !== 'base' &&
      fakerFiles.some((file) => file === `${locale}.js` || file.startsWith(`${locale}-`)),
  )
}
