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
    // The platform's webhooks: authenticated by the per-connection secret in the path.
    {
      method: 'GET',
      path: '/webhooks/:provider/:secret',
      handler: 'webhooks.validate',
      config: { auth: false, policies: [] },
    },
    {
      method: 'POST',
      path: '/webhooks/:provider/:secret',
      handler: 'webhooks.receive',
      config: { auth: false, policies: [] },
    },
    // The site's own preference form: public, rate-limited per IP, never says whether an
    // address is known; unsubscribe is authenticated by the signed token.
    {
      method: 'POST',
      path: '/preferences/subscribe',
      handler: 'preferenceForm.subscribe',
      config: { auth: false, policies: [] },
    },
    {
      method: 'POST',
      path: '/preferences/unsubscribe',
      handler: 'preferenceForm.unsubscribe',
      config: { auth: false, policies: [] },
    },
  ],
};
