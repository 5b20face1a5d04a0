export { deltaName } from './delta-name.ts';
export { deltaVerb } from './verbs/delta-verb.ts';
