import { compileTopics, TopicRuleError, type TopicSet } from '@xuanlian/textkit';
import { AppError } from '../../core/errors.ts';

/**
 * A rule is saved only if it compiles exactly as the pipeline will compile it; the error names
 * the field and the column (第 N 列), because publicity staff write these, not programmers.
 */
export function compileRuleOrThrow(rule: string, field = 'rule'): TopicSet {
  try {
    return compileTopics([{ id: 'rule', rule }]);
  } catch (err) {
    if (!(err instanceof TopicRuleError)) throw err;
    const issues = err.errors.map((e) => ({ path: field, message: `关键词规则有误：${e.message}`, column: e.column }));
    throw new AppError('VALIDATION', issues[0]?.message ?? '关键词规则有误', issues);
  }
}
