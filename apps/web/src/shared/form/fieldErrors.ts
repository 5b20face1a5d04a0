import type { FormInstance } from 'antd';
import type { FieldIssue } from '@xuanlian/contracts';

type NamePath = (string | number)[];

/** 'grants.0.orgId' → ['grants', 0, 'orgId'], the NamePath antd uses for Form.List rows. */
export function toNamePath(path: string): NamePath {
  return path
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function isRegistered(form: FormInstance, name: NamePath): boolean {
  // getFieldsError lists every registered field (including Form.List rows) with its NamePath.
  return form.getFieldsError().some((f) => f.name.length === name.length && f.name.every((p, i) => p === name[i]));
}

/**
 * Marks each issue on its form field (red outline + message under the field) and returns the
 * issues that match no field on this form, so the caller can show them another way.
 */
export function applyFieldErrors(form: FormInstance, issues: FieldIssue[]): FieldIssue[] {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: FieldIssue[] = [];
  for (const issue of issues) {
    const name = toNamePath(issue.path);
    if (name.length === 0 || !isRegistered(form, name)) {
      unmatched.push(issue);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  const fields = [...byField.values()];
  form.setFields(fields);
  const first = fields[0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return unmatched;
}
