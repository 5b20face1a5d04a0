import type { FormRule } from 'antd';

/**
 * The slice of a zod schema this helper needs — typed structurally so the web reuses the
 * contracts' schemas (and their 中文 messages) without depending on zod itself.
 */
interface ParsableSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { message: string }[] } };
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * An antd rule that validates a field with the contracts' schema, so client and server agree.
 * Empty optional inputs are left to `required` rules; `fallback` replaces non-Chinese messages.
 */
export function zodRule(schema: ParsableSchema, fallback = '格式不正确'): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (result.success) return;
      const msg = result.error.issues[0]?.message ?? fallback;
      throw new Error(CJK.test(msg) ? msg : fallback);
    },
  };
}
