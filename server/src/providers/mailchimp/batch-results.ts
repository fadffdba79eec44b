import { gunzipSync } from 'zlib';
import type { BatchOperationResult } from './types';

/**
 * Reads a /batches result archive: a gzipped tar whose regular files each hold a JSON array
 * of operation results. A small reader of the ustar format (512-byte headers), so the plugin
 * needs no tar dependency.
 */
export const parseBatchResults = (gzipped: Buffer): BatchOperationResult[] => {
  const tar = gunzipSync(gzipped);
  const results: BatchOperationResult[] = [];
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break; // end-of-archive marker
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(
      header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0',
      8
    );
    const type = String.fromCharCode(header[156]);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if ((type === '0' || type === '\0') && name.endsWith('.json')) {
      const parsed = JSON.parse(body.toString('utf8')) as BatchOperationResult[];
      results.push(...parsed);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return results;
};
