/**
 * The request examples and the success response of the seed page, "Get API Key"
 * (docs.voiceable.dev, copied verbatim from /work/shared/reference/seed-get-api-key.md).
 * Tests run each example against the demo server after swapping in its base URL.
 */

/** The placeholder base URL every documented example uses. */
export const DOCUMENTED_EXAMPLE_BASE_URL = 'https://api.example.com/api/v1'

export const SEED_CURL_EXAMPLE = `curl -X GET "https://api.example.com/api/v1/api_keys/1" \\
  -H "X-API-Key: your-api-key-here"`

export const SEED_JAVASCRIPT_EXAMPLE = `const apiKeyId = 1;
const response = await fetch(\`https://api.example.com/api/v1/api_keys/\${apiKeyId}\`, {
  method: 'GET',
  headers: {
    'X-API-Key': 'your-api-key-here'
  }
});

const data = await response.json();`

export const SEED_PYTHON_EXAMPLE = `import requests

api_key_id = 1
headers = {
    'X-API-Key': 'your-api-key-here'
}

response = requests.get(
    f'https://api.example.com/api/v1/api_keys/{api_key_id}',
    headers=headers
)

data = response.json()`

/** The documented "Success Response", as printed on the page. */
export const SEED_SUCCESS_RESPONSE = `{
  "status": {
    "code": 200,
    "message": "Success"
  },
  "data": {
    "id": 1,
    "key_type": "private",
    "name": "Production API Key",
    "key_value": null,
    "allowed_origins": ["https://example.com"],
    "allowed_assistants": ["123"],
    "transient_assistant": false,
    "user_id": 1,
    "user_email": "user@example.com",
    "created_at": "2024-01-10T08:00:00Z",
    "updated_at": "2024-01-10T08:00:00Z"
  }
}`

/** An example pointed at another base URL. */
export function withBaseUrl(example: string, baseUrl: string): string {
  return example.replaceAll(DOCUMENTED_EXAMPLE_BASE_URL, baseUrl)
}
