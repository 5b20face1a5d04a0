// gamma → delta, and delta → gamma below: a cycle between modules, though no file imports itself back.
import { deltaName } from '../../delta/index.ts';

export const gammaVerb = () => deltaName();
