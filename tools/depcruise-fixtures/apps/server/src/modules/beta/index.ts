import { insertBeta } from './beta.repo.ts';

export const betaVerb = () => insertBeta();
