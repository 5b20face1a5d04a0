import { DEFAULT_SECURITY_POLICY, SecurityPolicy } from '@xuanlian/contracts';
import { settingStore } from '../../core/settings.ts';

const store = settingStore('security_policy', SecurityPolicy, DEFAULT_SECURITY_POLICY);

export const readPolicy = store.read;
export const writePolicy = store.write;
