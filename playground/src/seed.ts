import type { Core } from '@strapi/strapi';

/** Logins the seed creates; the demo prints them and the tests log in with them. */
export const SEED_USERS = {
  admin: {
    email: 'admin@example.com',
    password: 'Admin12345!',
    firstname: 'Ada',
    lastname: 'Admin',
  },
  editor: {
    email: 'editor@example.com',
    password: 'Editor12345!',
    firstname: 'Ed',
    lastname: 'Editor',
  },
} as const;

export const SEED_COUNTS = { contacts: 200, organizations: 5, orders: 60, articles: 5 } as const;

/** Articles for campaign digests: title, summary, a cover (an SVG under public/covers) and a slug. */
export const SEED_ARTICLES = [
  [
    'Cold brew',
    'Steep coarse grounds for 12 hours in cold water: smooth, low in acidity, and ready for summer.',
  ],
  [
    'Single origin',
    'Beans from one farm taste of one place. This month: a washed Ethiopian with notes of jasmine.',
  ],
  [
    'Latte art',
    'A heart, a tulip, a rosetta: the three pours every barista learns first, step by step.',
  ],
  [
    'Grinder guide',
    'Burr or blade, flat or conical: what the grinder changes in the cup, and what to buy.',
  ],
  [
    'Decaf done right',
    'Swiss water decaf keeps the flavour without the caffeine. Our favourite for late evenings.',
  ],
] as const;

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Edsger',
  'Hedy',
  'Tim',
  'Radia',
  'Guido',
  'Sophie',
  'Niklaus',
  'Anita',
  'Bjarne',
  'Katherine',
  'John',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Dijkstra',
  'Lamarr',
  'Berners-Lee',
  'Perlman',
  'van Rossum',
  'Wilson',
  'Wirth',
  'Borg',
  'Stroustrup',
  'Johnson',
  'McCarthy',
];
const CITIES: Array<[string, string]> = [
  ['Paris', 'FR'],
  ['Berlin', 'DE'],
  ['Lisbon', 'PT'],
  ['Austin', 'US'],
  ['Toronto', 'CA'],
  ['Nairobi', 'KE'],
  ['Osaka', 'JP'],
  ['Melbourne', 'AU'],
];
const INTERESTS = ['product_news', 'events', 'tutorials', 'offers'] as const;
const ORGANIZATIONS: Array<[string, string]> = [
  ['Acme Software', 'software'],
  ['Northwind Retail', 'retail'],
  ['Open Campus', 'education'],
  ['Bright Clinic', 'health'],
  ['Daily Signal', 'media'],
];

/** mulberry32: a tiny seeded PRNG, so every seed run produces the same people. */
const prng = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export interface SeedContact {
  email: string;
  firstName: string;
  lastName: string;
  birthday: string | null;
  phone: string | null;
  company: string;
  city: string;
  country: string;
  marketingConsent: boolean;
  interests: (typeof INTERESTS)[number];
  organizationIndex: number;
}

/** The 200 seeded contacts, computed (not stored) so tests can compare against them. */
export const seedContacts = (): SeedContact[] => {
  const random = prng(20261123);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: SEED_COUNTS.contacts }, (_, i) => {
    const firstName = FIRST[i % FIRST.length];
    const lastName = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const [city, country] = pick(CITIES);
    const organizationIndex = Math.floor(random() * ORGANIZATIONS.length);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const year = 1960 + Math.floor(random() * 40);
    return {
      email: `${firstName}.${lastName}.${i + 1}@example.com`.toLowerCase().replace(/\s+/g, ''),
      firstName,
      lastName,
      birthday:
        random() < 0.8
          ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          : null,
      phone: random() < 0.6 ? `+1 555 ${String(1000 + i).padStart(4, '0')}` : null,
      company: ORGANIZATIONS[organizationIndex][0],
      city,
      country,
      marketingConsent: random() < 0.7,
      interests: pick(INTERESTS),
      organizationIndex,
    };
  });
};

const ensureAdminUser = async (
  strapi: Core.Strapi,
  roleCode: string,
  user: (typeof SEED_USERS)[keyof typeof SEED_USERS]
) => {
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: user.email } });
  if (existing) return existing;
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  if (!role) throw new Error(`seed: admin role ${roleCode} not found`);
  return strapi.service('admin::user').create({ ...user, isActive: true, roles: [role.id] });
};

const seedArticles = async (strapi: Core.Strapi) => {
  const articles = strapi.documents('api::article.article' as never);
  if ((await articles.count({})) > 0) return;
  for (const [index, [title, summary]] of SEED_ARTICLES.entries()) {
    const name = `article-${index + 1}.svg`;
    // A file row pointing at the static cover: the media library shows it, nothing is uploaded.
    const cover = await strapi.db.query('plugin::upload.file').create({
      data: {
        name,
        hash: `article_${index + 1}`,
        ext: '.svg',
        mime: 'image/svg+xml',
        size: 0.4,
        width: 600,
        height: 300,
        url: `/covers/${name}`,
        provider: 'local',
        folderPath: '/',
      },
    });
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    await articles.create({
      data: { title, summary, slug, cover: cover.id } as never,
      status: 'published',
    });
  }
};

/**
 * Deterministic seed: a super admin, an editor (Strapi's Editor role, which holds no plugin
 * permission), 5 organizations, 200 published contacts, 60 orders and 5 published articles.
 * Safe to run twice.
 */
export const seed = async (strapi: Core.Strapi) => {
  await ensureAdminUser(strapi, 'strapi-super-admin', SEED_USERS.admin);
  await ensureAdminUser(strapi, 'strapi-editor', SEED_USERS.editor);

  await seedArticles(strapi);
  const contacts = strapi.documents('api::contact.contact' as never);
  if ((await contacts.count({})) > 0) return { created: false };

  const organizations = [];
  for (const [name, industry] of ORGANIZATIONS) {
    organizations.push(
      await strapi
        .documents('api::organization.organization' as never)
        .create({ data: { name, industry } as never })
    );
  }
  const created = [];
  for (const { organizationIndex, ...contact } of seedContacts()) {
    created.push(
      await contacts.create({
        data: { ...contact, organization: organizations[organizationIndex].documentId } as never,
        status: 'published',
      })
    );
  }
  const random = prng(42);
  for (let i = 0; i < SEED_COUNTS.orders; i++) {
    const contact = created[Math.floor(random() * created.length)];
    await strapi.documents('api::order.order' as never).create({
      data: {
        reference: `ORD-${String(i + 1).padStart(4, '0')}`,
        total: Math.round(random() * 50000) / 100,
        placedAt: new Date(
          Date.UTC(2026, 0, 1) + Math.floor(random() * 300) * 86400000
        ).toISOString(),
        contact: contact.documentId,
      } as never,
    });
  }
  return { created: true };
};
