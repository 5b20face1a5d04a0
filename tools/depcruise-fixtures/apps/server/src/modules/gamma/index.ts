export { gammaName } from './gamma-name.ts';
export { gammaVerb } from './verbs/gamma-verb.ts';
