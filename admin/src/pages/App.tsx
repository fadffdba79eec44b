import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PluginNav } from '../components/PluginNav';
import { PERMISSIONS } from '../permissions';
import { ActivityPage } from './Activity/ActivityPage';
import { DashboardPage } from './Dashboard/DashboardPage';
import { MappingPage } from './Mapping/MappingPage';
import { TriggersPage } from './Triggers/TriggersPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Layouts.Root sideNav={<PluginNav />}>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="activity" element={<ActivityPage />} />
        <Route path="mapping/*" element={<MappingPage />} />
        <Route path="triggers/*" element={<TriggersPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Layouts.Root>
  </Page.Protect>
);

export default App;
