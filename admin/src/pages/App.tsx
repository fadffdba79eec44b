import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PluginNav } from '../components/PluginNav';
import { PERMISSIONS } from '../permissions';
import { ActivityPage } from './Activity/ActivityPage';
import { AuditPage } from './Audit/AuditPage';
import { CampaignsPage } from './Campaigns/CampaignsPage';
import { DashboardPage } from './Dashboard/DashboardPage';
import { MappingPage } from './Mapping/MappingPage';
import { PreferencesPage } from './Preferences/PreferencesPage';
import { SegmentsPage } from './Segments/SegmentsPage';
import { TriggersPage } from './Triggers/TriggersPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Layouts.Root sideNav={<PluginNav />}>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="activity" element={<ActivityPage />} />
        <Route path="mapping/*" element={<MappingPage />} />
        <Route path="preferences" element={<PreferencesPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="segments/*" element={<SegmentsPage />} />
        <Route path="campaigns/*" element={<CampaignsPage />} />
        <Route path="triggers/*" element={<TriggersPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Layouts.Root>
  </Page.Protect>
);

export default App;
