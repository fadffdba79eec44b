import { actionId, type ActionKey } from '../permissions';

/** The policy pair every admin route carries: a logged-in admin holding `action`. */
export const requireAction = (action: ActionKey) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [actionId(action)] } },
];
