// LOG_LEVEL lets tests and benchmarks quiet Strapi without touching the app's defaults.
export default ({ env }) => ({ level: env('LOG_LEVEL', 'http') });
