import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import { Initializer } from './components/Initializer';
import { PluginIcon } from './components/PluginIcon';
import { PointsPanel } from './pages/ContentManager/PointsPanel';
import { SyncPanel } from './pages/ContentManager/SyncPanel';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

const plugin: StrapiApp['appPlugins'][string] = {
  register(app) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Email marketing' },
      Component: () => import('./pages/App'),
      permissions: PERMISSIONS.read,
    });

    app.createSettingSection(
      {
        id: PLUGIN_ID,
        intlLabel: { id: getTranslation('settings.section'), defaultMessage: 'Email marketing' },
      },
      [
        {
          id: 'connections',
          intlLabel: {
            id: getTranslation('settings.connections'),
            defaultMessage: 'Connections',
          },
          to: `${PLUGIN_ID}/connections`,
          Component: () => import('./pages/Settings/ConnectionsSettingsPage'),
          permissions: PERMISSIONS.settingsRead,
        },
      ]
    );

    app.registerPlugin({
      id: PLUGIN_ID,
      initializer: Initializer,
      isReady: false,
      name: PLUGIN_ID,
    });
  },

  bootstrap(app) {
    // `apis` is typed as a bag of unknowns; this is the content manager's documented API.
    const contentManager = app.getPlugin('content-manager').apis as {
      addEditViewSidePanel(panels: PanelComponent[]): void;
    };
    contentManager.addEditViewSidePanel([SyncPanel, PointsPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as {
            default: Record<string, string>;
          };
          const prefixed = Object.fromEntries(
            Object.entries(data).map(([key, value]) => [getTranslation(key), value])
          );
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

export default plugin;
