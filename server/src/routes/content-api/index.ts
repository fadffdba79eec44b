// Public routes (platform webhooks) arrive with the consent loop; none are exposed yet.
export default {
  type: 'content-api',
  routes: [],
};
