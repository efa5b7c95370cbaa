import { useTitle } from '../lib/use-title';

export function ActorPage() {
  useTitle('Actor');
  return <h1>Actor</h1>;
}
