import { Divider } from '@strapi/design-system';
import { SubNav, useRBAC } from '@strapi/strapi/admin';
import { NAVIGATION, type NavigationEntry } from '../navigation';
import { PLUGIN_ID } from '../pluginId';
import { useT } from '../utils/useT';

const root = `/plugins/${PLUGIN_ID}`;

/** A link shown only to admins holding the page's RBAC action. */
const NavLink = ({ entry }: { entry: NavigationEntry }) => {
  const t = useT();
  // useRBAC names its answers after the action's last segment (`can<Read>`), so any true one counts.
  const { allowedActions, isLoading } = useRBAC(entry.permissions);
  if (isLoading || !Object.values(allowedActions).some(Boolean)) return null;
  return (
    <SubNav.Link
      to={entry.to ? `${root}/${entry.to}` : root}
      end={!entry.to}
      label={t(entry.id, entry.defaultMessage)}
    />
  );
};

/** The plugin's side navigation: every page, in NAVIGATION's order. */
export const PluginNav = () => {
  const t = useT();
  return (
    <SubNav.Main aria-label={t('nav.label', 'Email marketing pages')}>
      <SubNav.Header label={t('plugin.name', 'Email marketing')} />
      <Divider background="neutral150" />
      <SubNav.Content>
        <SubNav.Sections>
          {[
            <SubNav.Section key="pages" label={t('nav.section', 'Marketing')}>
              {NAVIGATION.map((entry) => (
                <NavLink key={entry.id} entry={entry} />
              ))}
            </SubNav.Section>,
          ]}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
