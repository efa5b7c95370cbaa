import { useTitle } from '../lib/use-title';

export function OverlapsPage() {
  useTitle('Overlaps');
  return <h1>Overlaps</h1>;
}
