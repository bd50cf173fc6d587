import { Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { CurrentUserProvider, useToken } from './auth';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';

// The task list comes with the first load; every other page (and the charts) on demand.
import { MyTasksPage } from './pages/MyTasksPage';
const TaskPage = lazy(() => import('./pages/TaskPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const NotificationSettingsPage = lazy(() => import('./pages/NotificationSettingsPage'));
const OverdueBoardPage = lazy(() => import('./pages/manager/OverdueBoardPage'));
const ApprovalsPage = lazy(() => import('./pages/manager/ApprovalsPage'));
const EscalationsPage = lazy(() => import('./pages/manager/EscalationsPage'));
const FormalTalksPage = lazy(() => import('./pages/manager/FormalTalksPage'));
const AccountabilityPage = lazy(() => import('./pages/manager/AccountabilityPage'));
const RankingPage = lazy(() => import('./pages/manager/RankingPage'));
const CampaignsPage = lazy(() => import('./pages/campaigns/CampaignsPage'));
const CampaignPage = lazy(() => import('./pages/campaigns/CampaignPage'));
const RegisterImportPage = lazy(() => import('./pages/admin/RegisterImportPage'));
const UnitsPage = lazy(() => import('./pages/admin/UnitsPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const TreatmentRoundPage = lazy(() => import('./pages/treatment/TreatmentRoundPage'));
const FollowUpsPage = lazy(() => import('./pages/treatment/FollowUpsPage'));
const DiseaseCataloguePage = lazy(() => import('./pages/admin/DiseaseCataloguePage'));
const ChecklistsPage = lazy(() => import('./pages/admin/ChecklistsPage'));
const WorkingCalendarPage = lazy(() => import('./pages/admin/WorkingCalendarPage'));
const PoliciesPage = lazy(() => import('./pages/admin/PoliciesPage'));
const NotificationTemplatesPage = lazy(() => import('./pages/admin/NotificationTemplatesPage'));
const AnnouncementsPage = lazy(() => import('./pages/admin/AnnouncementsPage'));
const RecurringTasksPage = lazy(() => import('./pages/admin/RecurringTasksPage'));
const ComparisonsPage = lazy(() => import('./pages/admin/ComparisonsPage'));
const QinglingBoardPage = lazy(() => import('./pages/problems/QinglingBoardPage'));
const ProblemsPage = lazy(() => import('./pages/problems/ProblemsPage'));
const PairingPage = lazy(() => import('./pages/cross-checks/PairingPage'));
const SpotChecksPage = lazy(() => import('./pages/spot-checks/SpotChecksPage'));

const pageFallback = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin />
  </div>
);

export function App() {
  const token = useToken();
  const location = useLocation();
  if (!token) {
    if (location.pathname === '/login') return <LoginPage />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return (
    <CurrentUserProvider fallback={pageFallback}>
      <AppLayout>
        <Suspense fallback={pageFallback}>
          <Routes>
            <Route path="/" element={<Navigate to="/tasks" replace />} />
            <Route path="/login" element={<Navigate to="/tasks" replace />} />
            <Route path="/tasks" element={<MyTasksPage />} />
            <Route path="/tasks/:id" element={<TaskPage />} />
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/settings/notifications" element={<NotificationSettingsPage />} />
            <Route path="/oversight" element={<OverdueBoardPage />} />
            <Route path="/approvals" element={<ApprovalsPage />} />
            <Route path="/escalations" element={<EscalationsPage />} />
            <Route path="/formal-talks" element={<FormalTalksPage />} />
            <Route path="/accountability" element={<AccountabilityPage />} />
            <Route path="/ranking" element={<RankingPage />} />
            <Route path="/campaigns" element={<CampaignsPage />} />
            <Route path="/campaigns/:id" element={<CampaignPage />} />
            <Route path="/treatment-rounds/:stepId" element={<TreatmentRoundPage />} />
            <Route path="/follow-ups" element={<FollowUpsPage />} />
            <Route path="/admin/register" element={<RegisterImportPage />} />
            <Route path="/admin/units" element={<UnitsPage />} />
            <Route path="/admin/users" element={<UsersPage />} />
            <Route path="/admin/diseases" element={<DiseaseCataloguePage />} />
            <Route path="/admin/checklists" element={<ChecklistsPage />} />
            <Route path="/admin/calendar" element={<WorkingCalendarPage />} />
            <Route path="/admin/policies" element={<PoliciesPage />} />
            <Route path="/admin/templates" element={<NotificationTemplatesPage />} />
            <Route path="/admin/announcements" element={<AnnouncementsPage />} />
            <Route path="/admin/recurring-tasks" element={<RecurringTasksPage />} />
            <Route path="/comparisons" element={<ComparisonsPage />} />
            <Route path="/campaigns/:id/comparisons" element={<ComparisonsPage />} />
            <Route path="/qingling" element={<QinglingBoardPage />} />
            <Route path="/problems" element={<ProblemsPage />} />
            <Route path="/cross-checks/:stepId" element={<PairingPage />} />
            <Route path="/spot-checks" element={<SpotChecksPage />} />
            <Route path="*" element={<Result status="404" title="页面不存在" subTitle="请从左侧菜单进入。" />} />
          </Routes>
        </Suspense>
      </AppLayout>
    </CurrentUserProvider>
  );
}
