export const PLUGIN_ID = 'email-marketing';
