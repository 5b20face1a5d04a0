// A verb that writes another module's table through its repo instead of its verbs.
import { insertBeta } from '../../beta/beta.repo.ts';
import { betaVerb } from '../../beta/index.ts';

export const approveAlpha = () => [insertBeta(), betaVerb()];
