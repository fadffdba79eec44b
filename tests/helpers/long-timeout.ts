// testTimeout is a global jest option, not a per-project one: Strapi-booting projects set theirs here.
jest.setTimeout(180_000);
