import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { notFound } from '../errors.ts';

/** Where the bucket is and how to sign for it (FILE_STORE=s3 and the S3_* settings). */
export interface S3Settings {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key`: MinIO, Ceph RGW and most self-hosted stores. */
  forcePathStyle: boolean;
}

const UPLOAD_ATTEMPTS = 3;

const statusOf = (err: unknown): number | undefined => (err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined);
const isMissing = (err: unknown) => statusOf(err) === 404 || (err instanceof Error && (err.name === 'NotFound' || err.name === 'NoSuchKey'));

/** The few bucket operations the file store and the move command need, on one client. */
export interface Bucket {
  readonly settings: S3Settings;
  /** Throws an Error whose 中文 message names why the bucket cannot be used. */
  check(): Promise<void>;
  has(key: string): Promise<boolean>;
  /** The object's bytes; NOT_FOUND when there is none. */
  read(key: string): Promise<Readable>;
  /** Uploads a whole local file in one request: the object appears complete or not at all. */
  upload(key: string, file: { path: string; size: number; md5: string }): Promise<void>;
  list(): AsyncGenerator<{ key: string; size: number }>;
  close(): void;
}

function describeFailure(err: unknown, s: S3Settings): string {
  const where = s.endpoint ?? `AWS 区域 ${s.region}`;
  const code = (err as NodeJS.ErrnoException).code;
  const status = statusOf(err);
  if (status === 404 || (err instanceof Error && err.name === 'NoSuchBucket')) return `对象存储 ${where} 上没有存储桶“${s.bucket}”：请先创建它，或检查 S3_BUCKET`;
  if (status === 403) return `对象存储拒绝访问存储桶“${s.bucket}”（HTTP 403）：请检查 S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY 以及该密钥对此存储桶的读写权限`;
  if (status === 301 || (err instanceof Error && (err.name === 'PermanentRedirect' || err.name === 'AuthorizationHeaderMalformed'))) {
    return `存储桶“${s.bucket}”不在区域 ${s.region}，或需要另一种访问方式：请检查 S3_REGION、S3_ENDPOINT 和 S3_FORCE_PATH_STYLE`;
  }
  if (status !== undefined) return `对象存储检查存储桶“${s.bucket}”失败（HTTP ${status}${err instanceof Error ? `，${err.name}` : ''}）`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `无法解析对象存储地址 ${where}：请检查 S3_ENDPOINT 的主机名`;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT' || (err instanceof Error && err.name === 'TimeoutError')) {
    return `无法连接对象存储 ${where}（${code ?? '超时'}）：请确认对象存储服务已启动、地址和端口正确、防火墙放行`;
  }
  return `无法使用对象存储 ${where}：${err instanceof Error ? err.message : String(err)}`;
}

export function openBucket(settings: S3Settings): Bucket {
  const clientOptions = {
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Newer SDKs add CRC32 checksum headers by default, which several S3-compatible stores
    // (older MinIO, OSS, OBS) refuse; Content-MD5 is what all of them check.
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
  };
  const client = new S3Client(clientOptions);
  // A file stream cannot be rewound by the SDK's retry, so uploads retry here with a fresh stream.
  const uploader = new S3Client({ ...clientOptions, maxAttempts: 1 });
  const Bucket = settings.bucket;

  return {
    settings,
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (err) {
        throw new Error(describeFailure(err, settings), { cause: err });
      }
    },
    async has(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
    },
    async read(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return out.Body as Readable;
      } catch (err) {
        if (isMissing(err)) throw notFound('文件');
        throw err;
      }
    },
    async upload(key, file) {
      for (let attempt = 1; ; attempt++) {
        try {
          await uploader.send(new PutObjectCommand({ Bucket, Key: key, Body: createReadStream(file.path), ContentLength: file.size, ContentMD5: file.md5 }));
          return;
        } catch (err) {
          const status = statusOf(err);
          const retryable = status === undefined || status >= 500 || status === 429;
          if (!retryable || attempt >= UPLOAD_ATTEMPTS) throw err;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    },
    async *list() {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
        for (const o of page.Contents ?? []) if (o.Key !== undefined) yield { key: o.Key, size: o.Size ?? 0 };
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    close() {
      client.destroy();
      uploader.destroy();
    },
  };
}
