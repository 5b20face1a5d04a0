export const insertBeta = () => 'beta row';
