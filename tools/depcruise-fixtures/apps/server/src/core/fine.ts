// Allowed: core on its own.
export const fine = () => 'fine';
