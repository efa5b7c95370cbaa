import { useTitle } from '../lib/use-title';

export function MapPage() {
  useTitle('Map');
  return <h1>Map</h1>;
}
