// An esbuild plugin for the package's build (tsup.config.ts): the OpenAPI words stay out of the
// built code, so the root entry (browser bundles, every test file's import) does not carry them.
//
// Only the OpenAPI document reads them, and the build writes it to dist/openapi.json from src/
// (scripts/openapi.mjs), where the demo server reads it. So in the built package:
//   - each `src/resources/<name>/resource.json` loses its endpoints' `doc` and `examples`, its
//     `parts`, its tag's and errors' descriptions (what `ResourceData` calls OpenAPI words);
//   - each `src/resources/<name>/examples.ts` (the documented examples those words name) exports
//     no fixture;
//   - `src/node/openapi-document.ts` becomes `openapi-document.built.ts`, which reads the document.
// It works by path, so a new resource folder needs nothing of its own.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const RESOURCE_JSON = /[\\/]src[\\/]resources[\\/][^\\/]+[\\/]resource\.json$/
const EXAMPLES = /[\\/]src[\\/]resources[\\/][^\\/]+[\\/]examples\.ts$/
const DOCUMENT = /[\\/]src[\\/]node[\\/]openapi-document\.ts$/

/** A resource's declarations without what only the OpenAPI document reads. */
export function withoutOpenApiWords(data) {
  const { parts: _parts, ...rest } = data
  return {
    ...rest,
    tag: { name: data.tag.name },
    errors: Object.fromEntries(
      Object.entries(data.errors).map(([code, { description: _description, ...error }]) => [
        code,
        error,
      ]),
    ),
    endpoints: data.endpoints.map(({ doc: _doc, examples: _examples, ...endpoint }) => endpoint),
  }
}

export const openApiWordsPlugin = {
  name: 'voiceable-mock-openapi-words',
  setup(build) {
    build.onLoad({ filter: RESOURCE_JSON }, async ({ path }) => ({
      contents: JSON.stringify(withoutOpenApiWords(JSON.parse(await readFile(path, 'utf8')))),
      loader: 'json',
    }))
    build.onLoad({ filter: EXAMPLES }, () => ({
      contents: '/* The documented examples: in dist/openapi.json. */ export const fixtures = {}',
      loader: 'ts',
    }))
    build.onLoad({ filter: DOCUMENT }, async ({ path }) => {
      const built = join(dirname(path), 'openapi-document.built.ts')
      return { contents: await readFile(built, 'utf8'), loader: 'ts', resolveDir: dirname(path) }
    })
  },
}
