import { useTitle } from '../lib/use-title';

export function InitiativePage() {
  useTitle('Initiative');
  return <h1>Initiative</h1>;
}
