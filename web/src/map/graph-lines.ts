/** A node of graphology's serialisation as the export writes it. */
export interface NodeLine {
  key: string;
  attributes: { type: 'actor' | 'initiative'; kind: string; name: string; partOf?: string };
}

/** A participation: from an actor to an initiative. */
export interface EdgeLine {
  key: string;
  source: string;
  target: string;
}

const cutShort = () => new Error('nätverket kom inte fram helt; försök igen');

/**
 * The nodes and edges of the export's graphology JSON as they arrive. The export writes each node and
 * edge on a line of its own (server/research/export/graphology-json.ts), so a line that opens with a
 * key is one whole item and the rest of the document (its options, the arrays' brackets) is passed
 * over. The document's last line holds the graph's attributes: a stream that ends before it was cut
 * short, and is an error rather than a smaller network.
 */
export async function* graphLines(body: ReadableStream<Uint8Array>, onBytes: (count: number) => void): AsyncGenerator<NodeLine | EdgeLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  let ended = false;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      // The service cuts the connection when an export fails after its first byte.
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw cutShort();
    });
    if (value) onBytes(value.byteLength);
    rest += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = rest.split('\n');
    rest = done ? '' : lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('{"key"')) yield JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as NodeLine | EdgeLine;
      else if (line.startsWith('"attributes"')) ended = true;
    }
    if (done) break;
  }
  if (!ended) throw cutShort();
}
