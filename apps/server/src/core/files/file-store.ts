import type { Readable } from 'node:stream';

export interface StoredFile {
  sha256: string;
  size: number;
  /** Sniffed from the bytes, never taken from the client's name or header. */
  mime: string;
}

export interface PutOptions {
  maxBytes: number;
  /** Accepted sniffed types; anything else is refused with UNSUPPORTED_MEDIA_TYPE. */
  allowedTypes?: readonly string[];
}

/** One interface for every upload: local directory now, an S3-compatible bucket at scale-out. */
export interface FileStore {
  put(input: Readable | Buffer, opts: PutOptions): Promise<StoredFile>;
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Readiness probe: resolves when the store can take writes now, else rejects with the 中文 reason. */
  ready?(): Promise<void>;
}
