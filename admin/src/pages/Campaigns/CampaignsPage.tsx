import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../permissions';
import { CampaignEditorPage } from './CampaignEditorPage';
import { CampaignsListPage } from './CampaignsListPage';

/** `/plugins/email-marketing/campaigns`: the list, `new`, and `:id`. */
const CampaignsPage = () => (
  <Page.Protect permissions={PERMISSIONS.campaignsRead}>
    <Routes>
      <Route index element={<CampaignsListPage />} />
      <Route path="new" element={<CampaignEditorPage />} />
      <Route path=":id" element={<CampaignEditorPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export { CampaignsPage };
