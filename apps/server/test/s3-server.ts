import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { FileStoreConfig } from '../src/config/env.ts';
import { freePort } from './ports.ts';

export interface TestS3Server {
  /** FILE_STORE=s3 settings for a bucket on this server; `bucket` defaults to the one made at start. */
  settings(bucket?: string): Extract<FileStoreConfig, { kind: 's3' }>;
  endpoint: string;
  bucket: string;
  /** How many times an object was written (PutObject) under this key, as the server saw it. */
  writesOf(key: string): number;
  close(): Promise<void>;
}

interface S3EventRecord {
  eventName: string;
  s3: { object: { key: string } };
}

let buckets = 0;

/** A real S3-compatible server (s3rver) on loopback, with an empty bucket made at start. */
export async function startS3Server(): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'xl-s3rver-'));
  const bucket = `xl-test-${process.pid}-${++buckets}`;
  const server = new S3rver({ address: '127.0.0.1', port: await freePort(), silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const writes = new Map<string, number>();
  server.on('event', (e: { Records: S3EventRecord[] }) => {
    for (const r of e.Records) if (r.eventName.startsWith('ObjectCreated')) writes.set(r.s3.object.key, (writes.get(r.s3.object.key) ?? 0) + 1);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    // s3rver checks signatures against its one built-in key pair.
    settings: (name = bucket) => ({ kind: 's3', endpoint, bucket: name, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true }),
    writesOf: (key) => writes.get(key) ?? 0,
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
