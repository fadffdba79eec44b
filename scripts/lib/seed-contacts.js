'use strict';
/**
 * Writes many contacts straight into the playground's table (a draft and a published row
 * each, as Strapi stores a published document), for benchmarks and the resume test. Much faster
 * than the document service, and exactly what a bulk import behind Strapi's back looks like.
 */
const crypto = require('crypto');

const seedContactRows = async (knex, count, { prefix = 'bulk', consent = true } = {}) => {
  const now = new Date().toISOString();
  await knex.transaction(async (trx) => {
    for (let start = 0; start < count; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const documentId = crypto.randomBytes(12).toString('hex');
        const base = {
          document_id: documentId,
          email: `${prefix}${i}@example.com`,
          first_name: `First${i}`,
          last_name: `Last${i}`,
          marketing_consent: consent,
          created_at: now,
          updated_at: now,
        };
        rows.push({ ...base, published_at: null }, { ...base, published_at: now });
      }
      await trx.batchInsert('contacts', rows, 500);
    }
  });
};

module.exports = { seedContactRows };
