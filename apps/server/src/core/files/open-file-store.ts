import { join } from 'node:path';
import type { Config } from '../../config/env.ts';
import type { FileStore } from './file-store.ts';
import { createLocalFileStore } from './local-file-store.ts';
import { openBucket } from './s3-bucket.ts';
import { createS3FileStore } from './s3-file-store.ts';

export const localStoreDirOf = (dataDir: string) => join(dataDir, 'files');

/**
 * The configured store. A bucket is checked before the process serves anything: an instance
 * that cannot reach it would accept uploads it cannot keep, so start-up fails with the reason.
 */
export async function openFileStore(config: Config): Promise<FileStore> {
  const settings = config.fileStore;
  if (!settings || settings.kind === 'local') return createLocalFileStore(localStoreDirOf(config.dataDir));
  // The SDK's idle keep-alive sockets do not hold the process open, so the client is not closed.
  const bucket = openBucket(settings);
  try {
    await bucket.check();
  } catch (err) {
    bucket.close();
    throw err;
  }
  // Staged uploads wait on local disk, outside the blob folder a later move command reads.
  return createS3FileStore(bucket, join(config.dataDir, 'upload-staging'));
}
