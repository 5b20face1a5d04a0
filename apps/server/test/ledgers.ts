import type { TestApp } from './app.ts';

/** A multipart body with one file part, as a browser sends an upload. */
export function multipartFile(buf: Buffer, filename: string, cookie: string) {
  const boundary = `----xl${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), buf, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } };
}

export async function uploadEvidence(t: TestApp, cookie: string, buf: Buffer, filename: string): Promise<{ sha256: string; name: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/evidence', ...multipartFile(buf, filename, cookie) });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  const { sha256, name } = res.json();
  return { sha256, name };
}

export { docxText } from '../../../test-support/docx-text.ts';
