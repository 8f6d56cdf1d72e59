/**
 * The OpenAPI document the demo server serves, before its `servers` are set: built from the
 * resources here, where the code runs from src/. The package's build swaps this module for
 * `openapi-document.built.ts`, which reads the same document from `dist/openapi.json`: the build
 * leaves the OpenAPI words out of the resources' data (scripts/lib/openapi-words.mjs).
 */
import { createOpenApiDocument, type OpenApiDocument } from '../openapi/document.js'
import { readPackageVersion } from './package-version.js'

export function loadOpenApiDocument(): OpenApiDocument {
  return createOpenApiDocument({ version: readPackageVersion() })
}
