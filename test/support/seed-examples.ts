/**
 * The request examples of the seed page, "Get API Key" (docs.voiceable.dev, copied verbatim
 * from the reference's seed-get-api-key.md; its response is fixtures/get-api-key.response.json).
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

/** An example pointed at another base URL. */
export function withBaseUrl(example: string, baseUrl: string): string {
  return example.replaceAll(DOCUMENTED_EXAMPLE_BASE_URL, baseUrl)
}
