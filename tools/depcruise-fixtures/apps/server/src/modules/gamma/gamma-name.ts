import { fine } from '../../core/fine.ts';

export const gammaName = () => `gamma ${fine()}`;
