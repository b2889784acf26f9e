/** An application's login at `at` (ms) as an ECS document, from 198.51.100.7. */
export function loginEvent(at: number, user: string, outcome: 'success' | 'failure') {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { category: ['authentication'], action: 'login', outcome },
    user: { name: user },
    source: { ip: '198.51.100.7' },
  };
}
