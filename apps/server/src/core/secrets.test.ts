import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, openSecrets, sealSecrets } from './secrets.ts';

const KEY = randomBytes(32);

describe('secrets at rest', () => {
  it('seals to something that names neither value and opens back to the same object', () => {
    const sealed = sealSecrets(KEY, { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc123', secret: 'SECxyz' });
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toMatch(/abc123|SECxyz|dingtalk/);
    expect(openSecrets(KEY, sealed)).toEqual({ url: 'https://oapi.dingtalk.com/robot/send?access_token=abc123', secret: 'SECxyz' });
    // A fresh IV each time: the same secret never seals to the same bytes.
    expect(sealSecrets(KEY, { a: 1 }).data).not.toBe(sealSecrets(KEY, { a: 1 }).data);
  });

  it('reads a row written before sealing as it is', () => {
    expect(openSecrets(KEY, { password: 'old' })).toEqual({ password: 'old' });
    expect(openSecrets(KEY, null)).toEqual({});
  });

  it('refuses a tampered seal or another key, in 中文', () => {
    const sealed = sealSecrets(KEY, { password: 'p' });
    const tampered = { ...sealed, data: Buffer.from('x' + Buffer.from(sealed.data, 'base64').toString('latin1').slice(1), 'latin1').toString('base64') };
    expect(() => openSecrets(KEY, tampered)).toThrow(/无法解密/);
    expect(() => openSecrets(randomBytes(32), sealed)).toThrow(/请重新填写/);
  });
});
