import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { kindColors, legend } from './colors';
import { drawNetwork, type DrawnNetwork } from './draw-network';
import { pageOf, type GraphData } from './graph-data';
import type { LayoutMessage, LayoutRequest } from './layout-protocol';

interface Props {
  data: GraphData;
  /** Names the map for screen readers: "Nätverket kring …". */
  label: string;
  small?: boolean;
  /** Called once the network is drawn, with how long the layout and the drawing took. */
  onDrawn?: (milliseconds: number) => void;
  /**
   * Names the performance marks the map sets (`<name>:layout-start`, `:layout-end`, `:drawn`), which the
   * map's benchmark reads; none when absent.
   */
  marks?: string;
}

type Phase =
  | { name: 'layout'; done: number; total: number }
  | { name: 'drawing'; done: number }
  | { name: 'drawn' }
  | { name: 'failed'; message: string };

function iterationsFor(nodeCount: number): number {
  if (nodeCount < 200) return 300;
  if (nodeCount < 2000) return 150;
  return 80;
}

/** Starting positions on a sunflower spiral: spread evenly, the same on every visit. */
function startingPositions(count: number) {
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < count; i++) {
    const r = Math.sqrt(i + 0.5) * 10;
    x[i] = r * Math.cos(i * golden);
    y[i] = r * Math.sin(i * golden);
  }
  return { x, y };
}

function layoutInWorker(data: GraphData, onProgress: (done: number, total: number) => void) {
  const index = new Map(data.nodes.map((n, i) => [n.id, i]));
  const edges = new Uint32Array(data.links.length * 2);
  data.links.forEach(([a, b], i) => {
    edges[2 * i] = index.get(a)!;
    edges[2 * i + 1] = index.get(b)!;
  });
  const { x, y } = startingPositions(data.nodes.length);
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const request: LayoutRequest = { nodeCount: data.nodes.length, edges, x, y, iterations: iterationsFor(data.nodes.length) };
  const positions = new Promise<{ x: Float32Array; y: Float32Array }>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LayoutMessage>) => {
      if (event.data.type === 'progress') onProgress(event.data.done, event.data.total);
      else resolve(event.data);
    };
    worker.onerror = (event) => reject(new Error(event.message || 'layouten misslyckades'));
  });
  worker.postMessage(request, [edges.buffer, x.buffer, y.buffer]);
  return { positions, stop: () => worker.terminate() };
}

/**
 * A network laid out by ForceAtlas2 in a web worker, then drawn (draw-network.ts), each with a progress
 * bar. Nodes are coloured by kind and sized by their number of links; a click on one opens its page. The best
 * connected nodes are listed as links below, the way to the same pages by keyboard or screen reader.
 */
export default function NetworkGraph({ data, label, small, onDrawn, marks }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const { route } = useLocation();
  const [phase, setPhase] = useState<Phase>({ name: 'layout', done: 0, total: 1 });

  useEffect(() => {
    const began = performance.now();
    const mark = (name: string) => marks && performance.mark(`${marks}:${name}`);
    mark('layout-start');
    let drawn: DrawnNetwork | null = null;
    let cancelled = false;
    setPhase({ name: 'layout', done: 0, total: 1 });
    const layout = layoutInWorker(data, (done, total) => !cancelled && setPhase({ name: 'layout', done, total }));
    layout.positions
      .then(({ x, y }) => {
        layout.stop();
        if (cancelled || !container.current) return;
        mark('layout-end');
        drawn = drawNetwork(container.current, data, x, y, Boolean(small), (done) => !cancelled && setPhase({ name: 'drawing', done }));
        const byId = new Map(data.nodes.map((n) => [n.id, n]));
        drawn.renderer.on('clickNode', ({ node }) => {
          const target = byId.get(node);
          if (target) route(pageOf(target));
        });
        drawn.renderer.on('enterNode', () => container.current?.classList.add('pointing'));
        drawn.renderer.on('leaveNode', () => container.current?.classList.remove('pointing'));
        return drawn.done.then(() => {
          if (cancelled) return;
          setPhase({ name: 'drawn' });
          requestAnimationFrame(() => {
            mark('drawn');
            onDrawn?.(performance.now() - began);
          });
        });
      })
      .catch((error: Error) => !cancelled && setPhase({ name: 'failed', message: error.message }));
    return () => {
      cancelled = true;
      layout.stop();
      drawn?.kill();
    };
  }, [data]);

  // Worked out once per network, not at every step of the layout's progress bar.
  const { degree, best, present } = useMemo(() => {
    const degree = new Map<string, number>();
    for (const [a, b] of data.links) {
      degree.set(a, (degree.get(a) ?? 0) + 1);
      degree.set(b, (degree.get(b) ?? 0) + 1);
    }
    const best = [...data.nodes].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0)).slice(0, small ? 15 : 50);
    const present = new Set(data.nodes.map((n) => (n.isInitiative ? 'INITIATIVE' : n.kind)));
    return { degree, best, present };
  }, [data, small]);

  return (
    <div class="network">
      <ul class="legend" aria-label="Färger">
        {legend
          .filter((entry) => present.has(entry.key))
          .map((entry) => (
            <li key={entry.key}>
              <span class="swatch" style={{ background: kindColors[entry.key] }} aria-hidden="true" />
              {entry.label}
            </li>
          ))}
      </ul>
      {phase.name === 'layout' && (
        <p class="graph-progress">
          <label for="layout-progress">Placerar {data.nodes.length.toLocaleString('sv-SE')} noder …</label>{' '}
          <progress id="layout-progress" max={phase.total} value={phase.done} />
        </p>
      )}
      {phase.name === 'drawing' && (
        <p class="graph-progress">
          <label for="drawing-progress">Ritar {data.nodes.length.toLocaleString('sv-SE')} noder …</label>{' '}
          <progress id="drawing-progress" max={data.nodes.length} value={phase.done} />
        </p>
      )}
      {phase.name === 'failed' && <p class="status-error">Kartan kunde inte ritas: {phase.message}</p>}
      <div
        class={small ? 'graph small' : 'graph'}
        role="img"
        aria-label={`${label}: ${data.nodes.length} noder och ${data.links.length} kopplingar`}
        data-state={phase.name}
        data-nodes={data.nodes.length}
      >
        <div class="graph-canvas" ref={container} />
      </div>
      <details class="graph-list">
        <summary>De {best.length} mest sammankopplade som lista</summary>
        <ol>
          {best.map((node) => (
            <li key={node.id}>
              <a href={pageOf(node)}>{node.name}</a> <span class="muted">({degree.get(node.id) ?? 0} kopplingar)</span>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
