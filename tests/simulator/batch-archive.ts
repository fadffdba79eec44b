import { gzipSync } from 'zlib';
import tar from 'tar-stream';

export interface OperationResult {
  status_code: number;
  operation_id: string | null;
  response: string;
}

const RESULTS_PER_FILE = 500;

/** Results as Mailchimp ships them: a gzipped tar of JSON files, each an array of results. */
export const packResults = async (batchId: string, results: OperationResult[]): Promise<Buffer> => {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (let i = 0; i < Math.max(1, results.length); i += RESULTS_PER_FILE) {
    pack.entry(
      { name: `${batchId}/${i / RESULTS_PER_FILE}.json` },
      JSON.stringify(results.slice(i, i + RESULTS_PER_FILE))
    );
  }
  pack.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
};
