/** What the page sends the layout worker: the graph as numbers, so it crosses without copying. */
export interface LayoutRequest {
  nodeCount: number;
  /** Pairs of node indexes. */
  edges: Uint32Array;
  x: Float32Array;
  y: Float32Array;
  iterations: number;
}

export type LayoutMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; x: Float32Array; y: Float32Array };
