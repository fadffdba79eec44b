'use strict';
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
module.exports = {
  root,
  playground: path.join(root, 'playground'),
  playgroundDist: path.join(root, 'playground', 'dist'),
  artifacts: path.join(root, 'artifacts'),
  bin: (name) => path.join(root, 'node_modules', '.bin', name),
};
