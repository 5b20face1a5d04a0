import { DEFAULT_SECURITY_POLICY } from '@xuanlian/contracts';

// Ordinary users cannot read the security policy, so the hint states the 等保 default;
// the server checks the live policy and answers with a VALIDATION issue on `newPassword`.
export const PASSWORD_RULE_TEXT = `至少 ${DEFAULT_SECURITY_POLICY.minLength} 位，包含大写字母、小写字母、数字、符号中的 ${DEFAULT_SECURITY_POLICY.minClasses} 类`;
