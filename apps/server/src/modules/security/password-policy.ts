import type { SecurityPolicy } from '@xuanlian/contracts';

const CLASSES: Array<[RegExp, string]> = [
  [/[A-Z]/, '大写字母'],
  [/[a-z]/, '小写字母'],
  [/[0-9]/, '数字'],
  [/[^A-Za-z0-9]/, '符号'],
];

/** The policy as one sentence, for forms and error messages. */
export function describePolicy(policy: SecurityPolicy): string {
  return `密码至少 ${policy.minLength} 位，且包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`;
}

/** Returns the 中文 reason a password breaks the policy, or null when it complies. */
export function passwordProblem(password: string, policy: SecurityPolicy, username?: string): string | null {
  if ([...password].length < policy.minLength) return `${describePolicy(policy)}（当前不足 ${policy.minLength} 位）`;
  const classes = CLASSES.filter(([re]) => re.test(password)).length;
  if (classes < policy.minClasses) return `${describePolicy(policy)}（当前只有 ${classes} 类）`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
