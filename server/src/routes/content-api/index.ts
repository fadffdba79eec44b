// Public routes: reached by the platform or by a browser redirect, never by an admin token.
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/oauth/mailchimp/callback',
      handler: 'oauth.callback',
      // Authenticated by the signed, expiring, single-use OAuth state instead.
      config: { auth: false, policies: [] },
    },
  ],
};
