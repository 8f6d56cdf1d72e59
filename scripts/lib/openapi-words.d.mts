import type { Plugin } from 'esbuild'

/** A resource's declarations (`resource.json`) without what only the OpenAPI document reads. */
export function withoutOpenApiWords(data: Record<string, unknown>): Record<string, unknown>

/** The package build's esbuild plugin that leaves the OpenAPI words out of the built code. */
export const openApiWordsPlugin: Plugin
