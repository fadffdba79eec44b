export const PLUGIN_ID = 'email-marketing';
export const PLUGIN_UID_PREFIX = `plugin::${PLUGIN_ID}`;
