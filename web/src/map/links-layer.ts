import type Sigma from 'sigma';

// Below this many links, they follow the view at every frame; above it, they are drawn once the view
// rests, since drawing tens of thousands of lines at every frame of a pan would hold it back.
const followingLinks = 5_000;
// How long the view must rest before the links of a large network are drawn again.
const restMs = 150;

/**
 * The links of a network, drawn on a canvas of their own beneath sigma's, from the positions sigma
 * shows the nodes at. Sigma draws each link with a shader pass of its own, which in software WebGL (a
 * machine without a GPU) holds the page for seconds at every frame of a large län; straight lines on a
 * 2D canvas cost a small share of that, and the nodes, their labels and their clicks stay sigma's.
 */
export class LinksLayer {
  private readonly canvas = document.createElement('canvas');
  private readonly observer: ResizeObserver;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown = false;
  private moved = false;

  /**
   * @param pairs the links as pairs of node indexes into `x` and `y`, the nodes' positions in the graph
   */
  constructor(
    private readonly renderer: Sigma,
    private readonly container: HTMLElement,
    private readonly pairs: Uint32Array,
    private readonly x: Float32Array,
    private readonly y: Float32Array,
    private readonly width: number,
  ) {
    this.canvas.style.cssText = 'position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.prepend(this.canvas);
    const following = pairs.length / 2 <= followingLinks;
    renderer.getCamera().on('updated', () => {
      if (!this.shown) return;
      if (following) {
        this.moved = true;
        return;
      }
      this.clear();
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.draw(), restMs);
    });
    // After sigma's own frame, so that the lines stand where the nodes were just drawn.
    renderer.on('afterRender', () => {
      if (!this.moved) return;
      this.moved = false;
      this.draw();
    });
    // Sigma takes the new size at its next frame; the links follow right after it.
    this.observer = new ResizeObserver(() => {
      if (!this.shown) return;
      this.moved = true;
      renderer.scheduleRender();
    });
    this.observer.observe(container);
  }

  /** Draws every link where sigma shows its nodes now. */
  draw() {
    this.shown = true;
    const { clientWidth: width, clientHeight: height } = this.container;
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    const context = this.canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const count = this.x.length;
    const viewX = new Float32Array(count);
    const viewY = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const point = this.renderer.graphToViewport({ x: this.x[i]!, y: this.y[i]! });
      viewX[i] = point.x;
      viewY[i] = point.y;
    }
    context.strokeStyle = '#a9b3bd';
    context.lineWidth = this.width;
    context.beginPath();
    for (let i = 0; i < this.pairs.length; i += 2) {
      const a = this.pairs[i]!;
      const b = this.pairs[i + 1]!;
      context.moveTo(viewX[a]!, viewY[a]!);
      context.lineTo(viewX[b]!, viewY[b]!);
    }
    context.stroke();
  }

  clear() {
    this.canvas.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  kill() {
    clearTimeout(this.timer);
    this.observer.disconnect();
    this.canvas.remove();
  }
}
