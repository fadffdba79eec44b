// The part of tar-stream (v3) the simulator uses to pack /batches results.
declare module 'tar-stream' {
  import type { Readable } from 'stream';

  interface Pack extends Readable {
    entry(header: { name: string; size?: number }, content: string | Buffer): void;
    finalize(): void;
  }

  const tar: { pack(): Pack };
  export default tar;
}
