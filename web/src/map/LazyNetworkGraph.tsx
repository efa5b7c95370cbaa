import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type NetworkGraphComponent = FunctionComponent<ComponentProps<typeof import('./NetworkGraph').default>>;

/** The map's code (sigma, graphology) is fetched only when a map is shown. */
export function LazyNetworkGraph(props: ComponentProps<NetworkGraphComponent>) {
  const [Component, setComponent] = useState<NetworkGraphComponent | null>(null);
  useEffect(() => {
    let live = true;
    import('./NetworkGraph').then((module) => live && setComponent(() => module.default));
    return () => {
      live = false;
    };
  }, []);
  return Component ? <Component {...props} /> : <p class="status">Hämtar kartan …</p>;
}
