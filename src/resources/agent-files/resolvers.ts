/**
 * The code behind the knowledge-base endpoints and the upload URL, as the web app calls them
 * (`resource.json`; the notes' §7): ask for an upload URL, PUT the bytes there, register the file.
 */
import type { AgentsStore } from '../agents/store.js'
import type { Resolver } from '../resource.js'
import type * as z from 'zod'
import { ApiError, failWith } from '../../pipeline/envelope.js'
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { ownerOf, parseFields, readQuery } from '../../pipeline/fields.js'
import { PERMIT, permitFields } from '../../pipeline/strong-params.js'
import { OBJECT_PATH, UPLOAD_PATH } from './defaults.js'
import data from './resource.json' with { type: 'json' }
import {
  CreateAgentFileFieldsSchema,
  DirectUploadRequestSchema,
  UploadQuerySchema,
} from './schemas.js'
import type { AgentFilesStore } from './store.js'

type Store = AgentFilesStore & Pick<AgentsStore, 'getAgent'>
type Context = EndpointContext<Store>

// @note Another user's file answers exactly like a missing one.
const notFound = failWith(
  'agent_file_not_found',
  data.errors.agent_file_not_found,
  data.errorMessages.agentFileNotFound,
)
const agentNotFound = failWith(
  'agent_not_found',
  data.errors.agent_not_found,
  data.errorMessages.agentNotFound,
)
const badSignature = failWith(
  'signature_does_not_match',
  data.errors.signature_does_not_match,
  data.errorMessages.signatureDoesNotMatch,
)

/** The top-level fields of a JSON body (the app sends these two bodies unwrapped), permitted and validated. */
async function topLevel<T>(
  context: Context,
  permit: Parameters<typeof permitFields>[0],
  schema: z.ZodType<T>,
): Promise<T> {
  return parseFields(schema, permitFields(permit, await context.bodyParams()))
}

const fileIdOf = (context: Context): number =>
  (context.param('fileId') as number | undefined) ?? notFound()

export const resolvers = {
  listAgentFiles: (context: Context) => ({
    data: context.store.listAgentFiles(ownerOf(context)),
  }),
  async createAgentFile(context: Context) {
    const owner = ownerOf(context)
    const fields = await topLevel(
      context,
      {
        s3_key: PERMIT.string,
        s3_url: PERMIT.string,
        file_name: PERMIT.string,
        file_size: PERMIT.string,
        content_type: PERMIT.string,
        agent_id: PERMIT.string,
      },
      CreateAgentFileFieldsSchema,
    )
    if (fields.agent_id && context.store.getAgent(owner, fields.agent_id) === undefined)
      agentNotFound()
    // The key must name bytes this user uploaded (or a file of theirs, when it is reassigned).
    if (!context.store.ownsObject(owner, fields.s3_key))
      throw new ApiError('validation_failed', [data.errorMessages.objectNotUploaded])
    return { data: context.store.createAgentFile(owner, fields) }
  },
  getAgentFileUsage: (context: Context) => ({
    data: context.store.getAgentFileUsage(ownerOf(context), fileIdOf(context)) ?? notFound(),
  }),
  deleteAgentFile: (context: Context) =>
    context.store.deleteAgentFile(ownerOf(context), fileIdOf(context)) ? {} : notFound(),
  deleteAgentAgentFile(context: Context) {
    const owner = ownerOf(context)
    const agentId = context.param('agentId') as string | undefined
    if (agentId === undefined || context.store.getAgent(owner, agentId) === undefined)
      agentNotFound()
    return context.store.deleteAgentFile(owner, fileIdOf(context), agentId) ? {} : notFound()
  },
  async createDirectUpload(context: Context) {
    const fields = await topLevel(
      context,
      { filename: PERMIT.string, content_type: PERMIT.string, key_name: PERMIT.string },
      DirectUploadRequestSchema,
    )
    const upload = context.store.createUpload(ownerOf(context), {
      file_name: fields.filename,
      content_type: fields.content_type,
    })
    const base = context.baseUrl()
    return {
      url: `${base}${UPLOAD_PATH}/${upload.id}?X-Mock-Signature=${upload.signature}`,
      key: upload.id,
      public_url: `${base}${OBJECT_PATH}/${upload.id}`,
    }
  },
  uploadObject(context: Context) {
    const key = (context.param('uploadKey') as string | undefined) ?? badSignature()
    const signature = readQuery(context, UploadQuerySchema)['X-Mock-Signature'] ?? ''
    const bytes = context.rawBody()?.byteLength ?? 0
    return context.store.completeUpload(key, signature, bytes) ? {} : badSignature()
  },
} satisfies Record<string, Resolver<Store>>
