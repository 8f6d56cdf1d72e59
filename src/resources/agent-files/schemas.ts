/**
 * Knowledge-base files on the wire, as the web app types them (`AgentFile`, `api.ts:860-870`),
 * and the upload URL it asks for first (`api.ts:977-1012`; real-client evidence).
 */
import * as z from 'zod'
import { envelopeOf, Id, statusOnly, StatusSchema, Timestamp } from '../../pipeline/wire.js'

/** One file and the agent it is attached to, if any; fields in the order of the app's type. */
export const AgentFileSchema = z.strictObject({
  id: Id,
  file_name: z.string(),
  s3_key: z.string(),
  s3_url: z.string(),
  /** Set once the file is synced to the agent's ElevenLabs knowledge base (attached files only). */
  elevenlabs_document_id: z.string().nullable(),
  file_size: z.number().int().nonnegative(),
  content_type: z.string(),
  /** The agent's id as a number (agents' own ids are strings of digits), or `null`. */
  agent_id: Id.nullable(),
  agent_name: z.string().nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type AgentFile = z.infer<typeof AgentFileSchema>

/** A file as the store keeps it: its owner too, never sent; `agent_name` is read from the agent. */
export const AgentFileRecordSchema = AgentFileSchema.omit({ agent_name: true }).extend({
  user_id: Id,
})
export type AgentFileRecord = z.infer<typeof AgentFileRecordSchema>

/** An upload URL the fake handed out, and whether its bytes arrived. */
export const UploadRecordSchema = z.strictObject({
  /** The object's key, as the app sends it back as `s3_key`. */
  id: z.string().regex(/^kb_[a-z0-9]{20}$/),
  signature: z.string().min(1),
  file_name: z.string(),
  content_type: z.string(),
  byte_length: z.number().int().nonnegative().nullable(),
  created_at: Timestamp,
  user_id: Id,
})
export type UploadRecord = z.infer<typeof UploadRecordSchema>

/** `GET /agent_files` → 200: every file of the caller, no paging. */
export const ListAgentFilesResponseSchema = envelopeOf(z.array(AgentFileSchema))
export type ListAgentFilesResponse = z.infer<typeof ListAgentFilesResponseSchema>

/** `POST /agent_files/create_and_sync` → 201. */
export const AgentFileResponseSchema = envelopeOf(AgentFileSchema)
export type AgentFileResponse = z.infer<typeof AgentFileResponseSchema>

/** `GET /agent_files/{id}/usage` → 200: the agents whose files share this one's `s3_key`. */
export const AgentFileUsageResponseSchema = envelopeOf(
  z.strictObject({
    file_name: z.string(),
    agents: z.array(z.strictObject({ id: Id, name: z.string(), agent_file_id: Id })),
  }),
)
export type AgentFileUsageResponse = z.infer<typeof AgentFileUsageResponseSchema>

/** `DELETE /agent_files/{id}` and `DELETE /agents/{agentId}/agent_files/{id}` → 200. */
export const DeleteAgentFileResponseSchema = statusOnly()

/** `POST /agent_files/create_and_sync` request body, at the top level as the app sends it. */
export const CreateAgentFileRequestSchema = z.object({
  s3_key: z.string().min(1, "S3 key can't be blank"),
  s3_url: z.string().min(1, "S3 url can't be blank"),
  file_name: z.string().min(1, "File name can't be blank"),
  file_size: z.number().int().nonnegative('File size must be a number'),
  content_type: z.string().min(1, "Content type can't be blank"),
  agent_id: z.string().optional(),
})
export type CreateAgentFileRequest = z.input<typeof CreateAgentFileRequestSchema>

/** The same fields once permitted: strong parameters give `file_size` as text, cast back here. */
export const CreateAgentFileFieldsSchema = CreateAgentFileRequestSchema.extend({
  file_size: z.coerce.number().int().nonnegative('File size must be a number'),
})

/** `POST /aws_s3/direct_upload` request body, at the top level as the app sends it. */
export const DirectUploadRequestSchema = z.object({
  filename: z.string().min(1, "Filename can't be blank"),
  content_type: z.string().min(1, "Content type can't be blank"),
  key_name: z.string().optional(),
})
export type DirectUploadRequest = z.input<typeof DirectUploadRequestSchema>

/**
 * `POST /aws_s3/direct_upload` → 200: the upload URL at the top level, beside `status`, where the
 * app reads it (`response.json().url`), not under `data`.
 */
export const DirectUploadResponseSchema = z.strictObject({
  status: StatusSchema,
  url: z.string(),
  key: z.string(),
  public_url: z.string(),
})
export type DirectUploadResponse = z.infer<typeof DirectUploadResponseSchema>

/** `PUT` to an upload URL → 200 (the app reads only `ok`). */
export const UploadResponseSchema = statusOnly()

/** The upload URL's query: its signature. */
export const UploadQuerySchema = z.object({ 'X-Mock-Signature': z.string().optional() })
