/**
 * The knowledge-base part of the store: upload URLs handed out, the bytes' arrival, and the files
 * registered from them, each on at most one of the owner's agents.
 */
import type { StoreContext } from '../../store/context.js'
import type { Faker } from '../../store/random.js'
import { AGENTS } from '../agents/collection.js'
import { AGENT_FILES, UPLOADS } from './collection.js'
import { DOCUMENT_ID_PREFIX, UPLOAD_KEY_PREFIX } from './defaults.js'
import type { AgentFile, AgentFileRecord, UploadRecord } from './schemas.js'

/** The seeded stream knowledge-base files draw from: upload keys, signatures, document ids. */
export const AGENT_FILES_STREAM = 32

/** What `createAgentFile` takes; `agent_id` is one of the owner's agents' ids. */
export interface CreateAgentFileFields {
  s3_key: string
  s3_url: string
  file_name: string
  file_size: number
  content_type: string
  agent_id?: string | undefined
}

/** The agents whose files share a file's object (`GET /agent_files/{id}/usage`). */
export interface AgentFileUsage {
  file_name: string
  agents: { id: number; name: string; agent_file_id: number }[]
}

/** Knowledge-base files, as `mock.store` offers them. */
export interface AgentFilesStore {
  /** A user's files, in id order, each with its agent's name. */
  listAgentFiles(userId: number): AgentFile[]
  getAgentFile(userId: number, id: number): AgentFile | undefined
  /** Registers a file: synced (an ElevenLabs document id) when it is attached to an agent. */
  createAgentFile(userId: number, fields: CreateAgentFileFields): AgentFile
  /** Whether a key names an object of the user's: one whose bytes arrived, or one a file of theirs uses. */
  ownsObject(userId: number, key: string): boolean
  getAgentFileUsage(userId: number, id: number): AgentFileUsage | undefined
  /** Deletes a file; with `agentId`, only if it is attached to that agent. */
  deleteAgentFile(userId: number, id: number, agentId?: string): boolean
  /** Hands out an upload URL's key and signature for a file the user is about to send. */
  createUpload(userId: number, fields: { file_name: string; content_type: string }): UploadRecord
  /** Records an upload's bytes, if the key and signature match; `false` otherwise. */
  completeUpload(key: string, signature: string, byteLength: number): boolean
  /** Number of files across all users. */
  countAgentFiles(): number
}

/** An ElevenLabs document id like `doc_…`. */
export function createDocumentId(faker: Faker): string {
  return DOCUMENT_ID_PREFIX + faker.string.alphanumeric({ length: 20, casing: 'lower' })
}

/** An upload's key, `kb_` and 20 characters. */
export function createUploadKey(faker: Faker): string {
  return UPLOAD_KEY_PREFIX + faker.string.alphanumeric({ length: 20, casing: 'lower' })
}

/** The knowledge-base store methods, over the store's files, uploads and agents. */
export function createAgentFilesStore(context: StoreContext): AgentFilesStore {
  const files = context.collection(AGENT_FILES)
  const uploads = context.collection(UPLOADS)
  const agents = context.collection(AGENTS)

  /** A file in the wire format: its agent's name, or no agent once that agent is gone. */
  function present(record: AgentFileRecord): AgentFile {
    const agent = record.agent_id === null ? undefined : agents.get(String(record.agent_id))
    return {
      id: record.id,
      file_name: record.file_name,
      s3_key: record.s3_key,
      s3_url: record.s3_url,
      elevenlabs_document_id: record.elevenlabs_document_id,
      file_size: record.file_size,
      content_type: record.content_type,
      agent_id: agent === undefined ? null : record.agent_id,
      agent_name: agent?.name ?? null,
      created_at: record.created_at,
      updated_at: record.updated_at,
    }
  }

  return {
    listAgentFiles: (userId) => [...files.ownedBy(userId)].map(present),

    getAgentFile(userId, id) {
      const record = files.owned(userId, id)
      return record === undefined ? undefined : present(record)
    },

    createAgentFile(userId, fields) {
      const agentId =
        fields.agent_id === undefined || fields.agent_id === '' ? null : fields.agent_id
      if (agentId !== null && agents.owned(userId, agentId) === undefined)
        throw new Error(`Failed to create agent file: user ${userId} has no agent ${agentId}`)
      const createdAt = context.stamp()
      return present(
        files.insert({
          id: files.takeId(),
          file_name: fields.file_name,
          s3_key: fields.s3_key,
          s3_url: fields.s3_url,
          elevenlabs_document_id:
            agentId === null ? null : createDocumentId(context.faker(AGENT_FILES_STREAM)),
          file_size: fields.file_size,
          content_type: fields.content_type,
          agent_id: agentId === null ? null : Number(agentId),
          created_at: createdAt,
          updated_at: createdAt,
          user_id: userId,
        }),
      )
    },

    ownsObject(userId, key) {
      const upload = uploads.owned(userId, key)
      if (upload !== undefined) return upload.byte_length !== null
      return [...files.ownedBy(userId)].some((file) => file.s3_key === key)
    },

    getAgentFileUsage(userId, id) {
      const record = files.owned(userId, id)
      if (record === undefined) return undefined
      const users: AgentFileUsage['agents'] = []
      for (const file of files.ownedBy(userId)) {
        if (file.s3_key !== record.s3_key || file.agent_id === null) continue
        const agent = agents.get(String(file.agent_id))
        if (agent !== undefined)
          users.push({ id: file.agent_id, name: agent.name, agent_file_id: file.id })
      }
      return { file_name: record.file_name, agents: users }
    },

    deleteAgentFile(userId, id, agentId) {
      const record = files.owned(userId, id)
      if (record === undefined) return false
      if (agentId !== undefined && String(present(record).agent_id) !== agentId) return false
      files.delete(id)
      return true
    },

    createUpload(userId, fields) {
      const faker = context.faker(AGENT_FILES_STREAM)
      return uploads.insert({
        id: createUploadKey(faker),
        signature: faker.string.alphanumeric({ length: 32 }),
        file_name: fields.file_name,
        content_type: fields.content_type,
        byte_length: null,
        created_at: context.stamp(),
        user_id: userId,
      })
    },

    completeUpload(key, signature, byteLength) {
      const upload = uploads.get(key)
      if (upload === undefined || upload.signature !== signature) return false
      uploads.put({ ...upload, byte_length: byteLength })
      return true
    },

    countAgentFiles: () => files.size,
  }
}
