import { useTitle } from '../lib/use-title';

export function NotFound() {
  useTitle('Sidan finns inte');
  return (
    <>
      <h1>Sidan finns inte</h1>
      <p>
        Adressen leder inte till någon sida här. <a href="/">Sök i stället</a>.
      </p>
    </>
  );
}
