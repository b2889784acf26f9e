import { Link } from '../router.tsx';

export function NotFoundPage() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no page at this address. Go to the <Link to="/">overview</Link>.
      </p>
    </section>
  );
}
