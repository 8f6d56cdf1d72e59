/** How `mock.store`'s knowledge-base methods check their arguments (strict, no casting). */
import * as z from 'zod'
import { strictShape, WholeNumberSchema } from '../../internal/input-validation.js'
import {
  EXISTING_USER_ID,
  RecordIdSchema,
  TextIdSchema,
  USER_ID,
  type StoreCalls,
} from '../../store/store-calls.js'
import type { AgentFilesStore } from './store.js'

const TEXT = z.string({ error: 'must be a non-empty string' }).min(1, 'must be a non-empty string')
const ID = { name: 'id', schema: RecordIdSchema }

export const AGENT_FILE_STORE_CALLS: StoreCalls<AgentFilesStore> = {
  createAgentFile: {
    failure: 'Failed to create agent file',
    args: [
      EXISTING_USER_ID,
      {
        name: 'fields',
        schema: strictShape(
          {
            s3_key: TEXT,
            s3_url: TEXT,
            file_name: TEXT,
            file_size: WholeNumberSchema,
            content_type: TEXT,
            agent_id: TEXT.optional(),
          },
          'field',
        ),
      },
    ],
  },
  getAgentFileUsage: { failure: 'Failed to get agent file usage', args: [USER_ID, ID] },
  deleteAgentFile: {
    failure: 'Failed to delete agent file',
    args: [USER_ID, ID, { name: 'agentId', schema: TextIdSchema.optional() }],
  },
  createUpload: {
    failure: 'Failed to create upload',
    args: [
      EXISTING_USER_ID,
      {
        name: 'fields',
        schema: strictShape({ file_name: TEXT, content_type: TEXT }, 'field'),
      },
    ],
  },
}
