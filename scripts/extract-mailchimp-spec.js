'use strict';
/**
 * Extracts the Mailchimp Marketing API operations the plugin uses from the official spec
 * (../shared/mailchimp-marketing-openapi.json, a converted copy with camelCased path
 * parameters) into tests/simulator/spec/mailchimp-operations.json, with every $ref resolved
 * and documentation text stripped. The simulator validates each request against it.
 *
 *   node scripts/extract-mailchimp-spec.js [path/to/openapi.json]
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const source =
  process.argv[2] ?? path.resolve(root, '..', 'shared', 'mailchimp-marketing-openapi.json');
const target = path.join(root, 'tests', 'simulator', 'spec', 'mailchimp-operations.json');

/** Every operation the plugin (or its tests through the official client) sends. */
const OPERATIONS = [
  'GET /',
  'GET /ping',
  'GET /lists',
  'GET /lists/{listId}',
  'POST /lists/{listId}',
  'GET /lists/{listId}/merge-fields',
  'POST /lists/{listId}/merge-fields',
  'GET /lists/{listId}/merge-fields/{mergeId}',
  'PATCH /lists/{listId}/merge-fields/{mergeId}',
  'DELETE /lists/{listId}/merge-fields/{mergeId}',
  'GET /lists/{listId}/members',
  'POST /lists/{listId}/members',
  'GET /lists/{listId}/members/{subscriberHash}',
  'PUT /lists/{listId}/members/{subscriberHash}',
  'PATCH /lists/{listId}/members/{subscriberHash}',
  'DELETE /lists/{listId}/members/{subscriberHash}',
  'POST /lists/{listId}/members/{subscriberHash}/actions/delete-permanent',
  'GET /lists/{listId}/members/{subscriberHash}/tags',
  'POST /lists/{listId}/members/{subscriberHash}/tags',
  'GET /lists/{listId}/segments',
  'POST /lists/{listId}/segments',
  'GET /lists/{listId}/segments/{segmentId}',
  'POST /lists/{listId}/segments/{segmentId}',
  'PATCH /lists/{listId}/segments/{segmentId}',
  'DELETE /lists/{listId}/segments/{segmentId}',
  'GET /lists/{listId}/segments/{segmentId}/members',
  'GET /lists/{listId}/webhooks',
  'POST /lists/{listId}/webhooks',
  'GET /lists/{listId}/webhooks/{webhookId}',
  'PATCH /lists/{listId}/webhooks/{webhookId}',
  'DELETE /lists/{listId}/webhooks/{webhookId}',
  'GET /batches',
  'POST /batches',
  'GET /batches/{batchId}',
  'DELETE /batches/{batchId}',
  'GET /campaigns',
  'POST /campaigns',
  'GET /campaigns/{campaignId}',
  'PATCH /campaigns/{campaignId}',
  'DELETE /campaigns/{campaignId}',
  'GET /campaigns/{campaignId}/content',
  'PUT /campaigns/{campaignId}/content',
  'GET /campaigns/{campaignId}/send-checklist',
  'POST /campaigns/{campaignId}/actions/send',
  'POST /campaigns/{campaignId}/actions/schedule',
  'POST /campaigns/{campaignId}/actions/unschedule',
  'POST /campaigns/{campaignId}/actions/test',
  'POST /campaigns/{campaignId}/actions/cancel-send',
  'GET /reports/{campaignId}',
  'GET /reports/{campaignId}/email-activity',
];

/**
 * Corrections of artefacts of the converted spec, each applied where it occurs and listed in
 * the output. `merge_fields` values are strings, numbers or (address) objects; the converted
 * spec types them as objects only. The simulator checks them against the audience's
 * merge-field types instead, as Mailchimp does.
 */
const PATCHES = [
  {
    id: 'merge_fields-values-any',
    why: 'converted spec types merge_fields values as objects; real values are strings, numbers or address objects',
    applies: (key, schema) => key === 'merge_fields' && schema && schema.additionalProperties,
    patch: (schema) => ({ ...schema, additionalProperties: {} }),
  },
];

const DOC_KEYS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'externalDocs',
  'readOnly',
  'deprecated',
]);

const spec = JSON.parse(fs.readFileSync(source, 'utf8'));
const applied = new Set();

const resolve = (node, seen = [], key = '') => {
  if (Array.isArray(node)) return node.map((item) => resolve(item, seen));
  if (!node || typeof node !== 'object') return node;
  if (node.$ref) {
    const name = node.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return {}; // recursive schema: accept anything below the cycle
    return resolve(spec.components.schemas[name], [...seen, name], key);
  }
  let out = {};
  for (const [k, v] of Object.entries(node)) {
    if (DOC_KEYS.has(k) || k.startsWith('x-')) continue;
    // `properties` maps names to schemas: keep every name, even "title" or "description".
    out[k] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, resolve(s, seen, p)]))
        : resolve(v, seen, k);
  }
  for (const p of PATCHES) {
    if (p.applies(key, out)) {
      out = p.patch(out);
      applied.add(p.id);
    }
  }
  return out;
};

const operations = {};
for (const op of OPERATIONS) {
  const [method, route] = op.split(' ');
  const item = spec.paths[route]?.[method.toLowerCase()];
  if (!item) throw new Error(`${op} is not in the spec`);
  const body = item.requestBody?.content?.['application/json']?.schema;
  operations[op] = {
    operationId: item.operationId,
    parameters: (item.parameters ?? []).map((p) => ({
      name: p.name,
      in: p.in,
      required: Boolean(p.required),
      schema: resolve(p.schema ?? {}),
    })),
    requestBody: body
      ? { required: Boolean(item.requestBody.required), schema: resolve(body) }
      : null,
    responses: Object.keys(item.responses ?? {}),
  };
}

const output = {
  source:
    'shared/mailchimp-marketing-openapi.json (Mailchimp official marketing.json, converted: path parameters camelCased)',
  specTitle: spec.info.title,
  specVersion: spec.info.version,
  sourceSha256: crypto.createHash('sha256').update(fs.readFileSync(source)).digest('hex'),
  generatedBy: 'scripts/extract-mailchimp-spec.js',
  patches: PATCHES.filter((p) => applied.has(p.id)).map(({ id, why }) => ({ id, why })),
  operations,
};
fs.writeFileSync(target, JSON.stringify(output, null, 1) + '\n');
process.stdout.write(
  `wrote ${Object.keys(operations).length} operations (spec ${spec.info.version}) to ${path.relative(root, target)}, ${fs.statSync(target).size} bytes\n`
);
