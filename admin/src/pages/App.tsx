import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { ActivityPage } from './Activity/ActivityPage';
import { DashboardPage } from './Dashboard/DashboardPage';
import { MappingPage } from './Mapping/MappingPage';
import { SegmentsPage } from './Segments/SegmentsPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="activity" element={<ActivityPage />} />
      <Route path="mapping/*" element={<MappingPage />} />
      <Route path="segments/*" element={<SegmentsPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
