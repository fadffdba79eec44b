'use strict';
// For tools and loaders that look for a root entry; Strapi 5 reads package.json `exports`.
module.exports = require('./dist/server');
