'use strict';
const fs = require('fs');
const path = require('path');

const SKIP = new Set(['node_modules', 'dist', '.strapi', '.tmp', 'build']);

/** Newest modification time (ms) of any file under the given paths. */
const newestMtime = (paths) => {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) if (!SKIP.has(entry)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
};

/** True when `output` is missing or older than any of `inputs`. */
const isStale = (output, inputs) => {
  let outputTime;
  try {
    outputTime = fs.statSync(output).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(inputs) > outputTime;
};

const touch = (file) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, new Date().toISOString());
};

module.exports = { newestMtime, isStale, touch };
