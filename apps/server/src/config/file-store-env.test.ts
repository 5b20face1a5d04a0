import { describe, expect, it } from 'vitest';
import { parseFileStore } from './env.ts';

const S3 = { FILE_STORE: 's3', S3_BUCKET: 'xuanlian-files', S3_ACCESS_KEY_ID: 'AK', S3_SECRET_ACCESS_KEY: 'SK' };

describe('FILE_STORE settings', () => {
  it('keeps files in the local folder unless told otherwise', () => {
    expect(parseFileStore({})).toEqual({ kind: 'local' });
    expect(parseFileStore({ FILE_STORE: 'local', S3_BUCKET: 'ignored' })).toEqual({ kind: 'local' });
  });

  it('reads every S3 setting, with the SDK defaults for region and addressing', () => {
    expect(parseFileStore(S3)).toEqual({
      kind: 's3',
      endpoint: undefined,
      bucket: 'xuanlian-files',
      region: 'us-east-1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      forcePathStyle: false,
    });
    expect(parseFileStore({ ...S3, S3_ENDPOINT: 'http://127.0.0.1:9000', S3_REGION: 'cn-north-1', S3_FORCE_PATH_STYLE: 'true' })).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      region: 'cn-north-1',
      forcePathStyle: true,
    });
  });

  it('names each missing or malformed variable in 中文', () => {
    expect(() => parseFileStore({ FILE_STORE: 'minio' })).toThrow('FILE_STORE: FILE_STORE 只能是 local（本机 DATA_DIR/files 目录）或 s3');
    expect(() => parseFileStore({ FILE_STORE: 's3' })).toThrow(
      /S3_BUCKET: 使用对象存储时必须设置 S3_BUCKET\n.*S3_ACCESS_KEY_ID: 使用对象存储时必须设置 S3_ACCESS_KEY_ID\n.*S3_SECRET_ACCESS_KEY: 使用对象存储时必须设置 S3_SECRET_ACCESS_KEY/,
    );
    expect(() => parseFileStore({ ...S3, S3_BUCKET: ' ' })).toThrow('S3_BUCKET: 使用对象存储时必须设置 S3_BUCKET');
    expect(() => parseFileStore({ ...S3, S3_BUCKET: 'Files_2025' })).toThrow('S3_BUCKET 应为 3–63 位小写字母、数字、点或连字符');
    expect(() => parseFileStore({ ...S3, S3_ENDPOINT: '127.0.0.1:9000' })).toThrow('S3_ENDPOINT 应为对象存储的地址');
    expect(() => parseFileStore({ ...S3, S3_FORCE_PATH_STYLE: 'yes' })).toThrow('S3_FORCE_PATH_STYLE 只能是 true 或 false');
  });
});
