// Infrastructure reaching up into a domain module.
import { betaVerb } from '../modules/beta/index.ts';

export const helper = () => betaVerb();
