export const fixture = 'fixture bundle';
