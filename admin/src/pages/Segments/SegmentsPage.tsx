import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../../permissions';
import { SegmentEditorPage } from './SegmentEditorPage';
import { SegmentsListPage } from './SegmentsListPage';

/** `/plugins/email-marketing/segments`: the segments list, `new`, and `:id`. */
const SegmentsPage = () => (
  <Page.Protect permissions={PERMISSIONS.segmentsRead}>
    <Routes>
      <Route index element={<SegmentsListPage />} />
      <Route path="new" element={<SegmentEditorPage />} />
      <Route path=":id" element={<SegmentEditorPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export { SegmentsPage };
