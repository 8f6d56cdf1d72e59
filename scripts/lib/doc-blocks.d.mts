/** How a block is checked: run by the docs suite, or the annotation before it says otherwise. */
export type BlockCheck = 'run' | 'fragment' | 'compile-only' | 'run-by'

export interface DocBlock {
  /** `README.md:32`: the file and the line of the opening fence. */
  id: string
  file: string
  line: number
  /** The fence's language: `ts`, `tsx`, `js`, `sh`, `json`, … (empty when none). */
  lang: string
  /** The heading the block sits under (empty before the first). */
  section: string
  /** `title="path"` on the fence, when there is one. */
  title: string | undefined
  /** The example folder a titled block belongs to (`<!-- example: dir -->` above it). */
  example: string | undefined
  check: BlockCheck
  /** The annotation's text: the reason, or the file that runs the block. */
  reason: string
  code: string
}

export function docFiles(root?: string): string[]
export function blocksOf(file: string, markdown: string): DocBlock[]
export function docBlocks(root?: string): DocBlock[]
