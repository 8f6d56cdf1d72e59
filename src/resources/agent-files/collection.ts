import { defineCollection } from '../../store/collection.js'
import {
  AgentFileRecordSchema,
  UploadRecordSchema,
  type AgentFileRecord,
  type UploadRecord,
} from './schemas.js'

/** Knowledge-base files, each owned by a user and attached to at most one of their agents. */
export const AGENT_FILES = defineCollection('agent_files', 'agent_file', AgentFileRecordSchema, {
  label: 'agent file',
  owner: 'user_id',
  copy: (file: AgentFileRecord) => ({ ...file }),
})

/** The upload URLs handed out, by key (drawn text), each owned by the user who asked. */
export const UPLOADS = defineCollection('uploads', 'upload', UploadRecordSchema, {
  label: 'upload',
  owner: 'user_id',
  drawnIds: true,
  copy: (upload: UploadRecord) => ({ ...upload }),
})

export const COLLECTIONS = [AGENT_FILES, UPLOADS] as const
