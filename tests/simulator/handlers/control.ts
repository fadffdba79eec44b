import type { ServerResponse } from 'http';
import type { MailchimpSimulator } from '../index';
import { send } from '../server';

type Json = Record<string, unknown>;

/**
 * The simulator's own HTTP control API, for the CLI, the demo and tests in other processes.
 * In-process tests call the MailchimpSimulator methods directly.
 */
export const handleControl = (
  sim: MailchimpSimulator,
  method: string,
  url: URL,
  raw: string,
  res: ServerResponse
) => {
  const body = (raw ? JSON.parse(raw) : {}) as Json;
  const route = `${method} ${url.pathname}`;
  try {
    const batchResults = /^GET \/_sim\/batch-results\/([^/]+)\/([^/]+)\.tar\.gz$/.exec(route);
    if (batchResults) {
      const batch = sim.account(batchResults[1]).batches.get(batchResults[2]);
      if (!batch?.results) return send(res, 404, { error: 'no results for that batch' });
      return send(res, 200, batch.results, { 'Content-Type': 'application/x-gzip' });
    }
    const person =
      /^POST \/_sim\/lists\/([^/]+)\/members\/([^/]+)\/(unsubscribe|bounce|profile|change-email|confirm)$/.exec(
        route
      );
    if (person) {
      const [, listId, email, action] = person;
      const address = decodeURIComponent(email);
      if (action === 'unsubscribe') sim.unsubscribe(listId, address);
      if (action === 'bounce') sim.hardBounce(listId, address);
      if (action === 'profile') sim.editProfile(listId, address, body.merge_fields as Json);
      if (action === 'change-email') sim.changeEmail(listId, address, String(body.new_email));
      if (action === 'confirm') sim.confirm(listId, address);
      return send(res, 204);
    }
    switch (route) {
      case 'POST /_sim/accounts': {
        const { account, apiKey } = sim.createAccount(body);
        return send(res, 200, { accountId: account.account_id, apiKey, dc: account.dc });
      }
      case 'POST /_sim/lists': {
        const list = sim.createList(String(body.accountId), body);
        return send(res, 200, { listId: list.id });
      }
      case 'POST /_sim/members': {
        sim.seedMembers(String(body.listId), body.members as Json[]);
        return send(res, 204);
      }
      case 'POST /_sim/revoke-key':
        sim.revokeKey(String(body.apiKey));
        return send(res, 204);
      case 'POST /_sim/oauth/clients':
        sim.registerOAuthClient(
          body as { clientId: string; clientSecret: string; redirectUri: string }
        );
        return send(res, 204);
      case 'POST /_sim/oauth/approver':
        sim.approveOAuthAs(String(body.accountId));
        return send(res, 204);
      case 'PUT /_sim/faults':
        sim.setFaults(body);
        return send(res, 204);
      case 'GET /_sim/stats':
        return send(res, 200, sim.stats());
      case 'GET /_sim/requests':
        return send(res, 200, sim.requests.slice(-Number(url.searchParams.get('last') ?? 100)));
      case 'DELETE /_sim/requests':
        sim.clearLog();
        return send(res, 204);
      default:
        return send(res, 404, { error: `unknown control route ${route}` });
    }
  } catch (error) {
    return send(res, 400, { error: (error as Error).message });
  }
};
