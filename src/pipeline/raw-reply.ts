/**
 * A success answer that is not JSON: bytes with their media type (a call's recording). The
 * resolver returns one instead of a body; the core sends it as it is, with no envelope, and the
 * journal keeps what it was rather than its bytes.
 */
export class RawReply {
  readonly contentType: string
  readonly bytes: Uint8Array<ArrayBuffer>

  constructor(contentType: string, bytes: Uint8Array<ArrayBuffer>) {
    this.contentType = contentType
    this.bytes = bytes
  }

  /** What the journal keeps as the response: the media type and length, as JSON. */
  toJournalText(): string {
    return JSON.stringify({ content_type: this.contentType, byte_length: this.bytes.byteLength })
  }
}
