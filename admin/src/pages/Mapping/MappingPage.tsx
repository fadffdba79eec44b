import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../permissions';
import { ProfileEditorPage } from './ProfileEditorPage';
import { ProfilesListPage } from './ProfilesListPage';

/** `/plugins/email-marketing/mapping`: the profiles list, `new`, and `:id`. */
const MappingPage = () => (
  <Page.Protect permissions={PERMISSIONS.mappingRead}>
    <Routes>
      <Route index element={<ProfilesListPage />} />
      <Route path="new" element={<ProfileEditorPage />} />
      <Route path=":id" element={<ProfileEditorPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export { MappingPage };
