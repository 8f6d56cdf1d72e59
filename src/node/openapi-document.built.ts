/**
 * `openapi-document.ts` in the built package (tsup.config.ts swaps it in): the document the build
 * wrote beside the code (`dist/openapi.json`, `scripts/openapi.mjs`), the same one
 * `createOpenApiDocument` makes from src/, since the built resources no longer carry its words.
 */
import { readFileSync } from 'node:fs'
import type { OpenApiDocument } from '../openapi/document.js'

export function loadOpenApiDocument(): OpenApiDocument {
  return JSON.parse(
    readFileSync(new URL('./openapi.json', import.meta.url), 'utf8'),
  ) as OpenApiDocument
}
