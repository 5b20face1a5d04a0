export const deltaName = () => 'delta';
