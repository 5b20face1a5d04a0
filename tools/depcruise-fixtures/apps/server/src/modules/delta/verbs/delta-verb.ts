import { gammaName } from '../../gamma/index.ts';

export const deltaVerb = () => gammaName();
