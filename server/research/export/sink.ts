import type { Writable } from 'node:stream';

/** Where a format writer writes: one chunk at a time, waiting while the reader is behind. */
export interface TextSink {
  write(text: string): Promise<void>;
}

export class ExportAbandoned extends Error {
  override name = 'ExportAbandoned';
}

/**
 * A sink over an HTTP response that waits for it to drain, so that a slow client holds the export back
 * instead of the service buffering it; it refuses once the client has gone, which ends the reading.
 */
export function streamSink(stream: Writable): TextSink {
  return {
    async write(text) {
      if (stream.destroyed) throw new ExportAbandoned('the client went away');
      if (stream.write(text)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('close', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
      });
      if (stream.destroyed) throw new ExportAbandoned('the client went away');
    },
  };
}
