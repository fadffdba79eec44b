import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { ActivityPage } from './Activity/ActivityPage';
import { AuditPage } from './Audit/AuditPage';
import { DashboardPage } from './Dashboard/DashboardPage';
import { MappingPage } from './Mapping/MappingPage';
import { PreferencesPage } from './Preferences/PreferencesPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="activity" element={<ActivityPage />} />
      <Route path="mapping/*" element={<MappingPage />} />
      <Route path="preferences" element={<PreferencesPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
