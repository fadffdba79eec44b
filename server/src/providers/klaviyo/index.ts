export { klaviyo, createKlaviyoProvider, apiRootOf, type KlaviyoProviderOptions } from './provider';
export { KlaviyoClient, REVISION, DEFAULT_API_ROOT } from './client';
export { checkKlaviyoKey } from './api-key';
export { LIMITS, importBatches } from './contacts';
export { toReportNumbers, templateName, REPORT_STATISTICS } from './report';
export { statusOf, campaignStatusOf } from './status';
export { VALUES_REPORT_LIMITS, WindowLimiter, type WindowLimits } from './limiter';
