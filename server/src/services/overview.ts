import type { Core, UID } from '@strapi/strapi';
import pkg from '../../../package.json';
import { findEmailContentTypes, type ContentTypeLike } from '../utils/email-content-types';
import type { Overview } from '../types/overview';
import { getService } from '../utils/get-service';

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async getOverview(): Promise<Overview> {
    const candidates = findEmailContentTypes(
      strapi.contentTypes as unknown as Record<string, ContentTypeLike>
    );
    const contentTypes = await Promise.all(
      candidates.map(async (ct) => ({
        ...ct,
        // Counts documents (draft versions exist for every document), not draft+published rows.
        count: await strapi.documents(ct.uid as UID.CollectionType).count({}),
      }))
    );
    return {
      pluginVersion: pkg.version,
      strapiVersion: String(strapi.config.get('info.strapi') ?? 'unknown'),
      connections: (await getService(strapi, 'connections').list())
        .filter((c) => c.status !== 'disconnected')
        .map((c) => ({
          id: String(c.id),
          provider: c.provider,
          accountName: c.accountName ?? '',
          isDefault: c.isDefault,
        })),
      contentTypes,
    };
  },
});

export default overview;
