import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { PageSpin } from '../shared/ui/PageSpin.tsx';
import AppLayout from './AppLayout.tsx';
import { navItem } from './nav.tsx';
import { RequirePermission } from './RequirePermission.tsx';
import { RequireSession } from './RequireSession.tsx';
import { RouteError } from './RouteError.tsx';

// Every page is its own chunk: a reporter on a phone never downloads the audit screens.
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage.tsx'));
const EnrolSecondFactorPage = lazy(() => import('../features/auth/EnrolSecondFactorPage.tsx'));
const AccountSecurityPage = lazy(() => import('../features/auth/AccountSecurityPage.tsx'));
const HomePage = lazy(() => import('../features/home/HomePage.tsx'));
const OrgsPage = lazy(() => import('../features/orgs/OrgsPage.tsx'));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx'));
const SecurityPolicyPage = lazy(() => import('../features/security/SecurityPolicyPage.tsx'));
const AuditLogsPage = lazy(() => import('../features/audit/AuditLogsPage.tsx'));
const ActivitiesPage = lazy(() => import('../features/activities/ActivitiesPage.tsx'));
const TargetsPage = lazy(() => import('../features/targets/TargetsPage.tsx'));
const PlansPage = lazy(() => import('../features/plans/PlansPage.tsx'));
const PlanNewPage = lazy(() => import('../features/plans/PlanNewPage.tsx'));
const PlanDetailPage = lazy(() => import('../features/plans/PlanDetailPage.tsx'));
const SupervisionPage = lazy(() => import('../features/supervision/SupervisionPage.tsx'));
const MyManuscriptsPage = lazy(() => import('../features/manuscripts/MyManuscriptsPage.tsx'));
const ManuscriptPage = lazy(() => import('../features/manuscripts/ManuscriptPage.tsx'));
const QuickSubmitPage = lazy(() => import('../features/manuscripts/quick/QuickSubmitPage.tsx'));
const UrgentPage = lazy(() => import('../features/manuscripts/UrgentPage.tsx'));
const AllManuscriptsPage = lazy(() => import('../features/manuscripts/AllManuscriptsPage.tsx'));
const PendingReviewsPage = lazy(() => import('../features/reviews/PendingReviewsPage.tsx'));
const CommissionsPage = lazy(() => import('../features/commissions/CommissionsPage.tsx'));
const ManuscriptSettingsPage = lazy(() => import('../features/settings/ManuscriptSettingsPage.tsx'));
const MentionsPage = lazy(() => import('../features/opinion/MentionsPage.tsx'));
const AlertsPage = lazy(() => import('../features/opinion/AlertsPage.tsx'));
const IncidentsPage = lazy(() => import('../features/opinion/IncidentsPage.tsx'));
const BriefsPage = lazy(() => import('../features/opinion/BriefsPage.tsx'));
const SourcesPage = lazy(() => import('../features/opinion/SourcesPage.tsx'));
const TopicsPage = lazy(() => import('../features/opinion/TopicsPage.tsx'));
const AdoptionsPage = lazy(() => import('../features/scoring/AdoptionsPage.tsx'));
const ScoresPage = lazy(() => import('../features/scoring/ScoresPage.tsx'));
const StatisticsPage = lazy(() => import('../features/scoring/StatisticsPage.tsx'));
const QuotasPage = lazy(() => import('../features/scoring/QuotasPage.tsx'));
const EndorsementsPage = lazy(() => import('../features/scoring/EndorsementsPage.tsx'));
const OutletsPage = lazy(() => import('../features/scoring/OutletsPage.tsx'));
const RulesPage = lazy(() => import('../features/scoring/RulesPage.tsx'));
const AssessmentPage = lazy(() => import('../features/assessments/AssessmentPage.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
const NotificationPrefsPage = lazy(() => import('../features/notifications/NotificationPrefsPage.tsx'));
const ChannelsPage = lazy(() => import('../features/notifications/ChannelsPage.tsx'));
const DeliveriesPage = lazy(() => import('../features/notifications/DeliveriesPage.tsx'));
const NotFound = lazy(() => import('./NotFound.tsx'));
const ReleasesPage = lazy(() => import('../features/releases/ReleasesPage.tsx'));
const JournalsPage = lazy(() => import('../features/journals/JournalsPage.tsx'));
const IssuePage = lazy(() => import('../features/journals/IssuePage.tsx'));
const BulletinsPage = lazy(() => import('../features/bulletins/BulletinsPage.tsx'));
const OpenBulletinsPage = lazy(() => import('../features/bulletins/OpenBulletinsPage.tsx'));

/** Whoever works with manuscripts at all may open one; the server decides what they see of it. */
const MANUSCRIPT_READERS = ['manuscript.submit', 'manuscript.review', 'manuscript.manage'] as const;

function guarded(key: string, page: ReactNode): ReactNode {
  return <RequirePermission anyOf={navItem(key).anyOf}>{page}</RequirePermission>;
}

function Root() {
  return (
    <Suspense fallback={<PageSpin full />}>
      <Outlet />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/change-password', element: <ChangePasswordPage /> },
          { path: '/enrol-second-factor', element: <EnrolSecondFactorPage /> },
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'manuscripts', element: guarded('manuscripts', <MyManuscriptsPage />) },
              {
                path: 'manuscripts/:id',
                element: (
                  <RequirePermission anyOf={MANUSCRIPT_READERS}>
                    <ManuscriptPage />
                  </RequirePermission>
                ),
              },
              { path: 'quick-submit', element: guarded('quick', <QuickSubmitPage />) },
              { path: 'urgent', element: guarded('urgent', <UrgentPage />) },
              { path: 'reviews', element: guarded('reviews', <PendingReviewsPage />) },
              { path: 'all-manuscripts', element: guarded('allManuscripts', <AllManuscriptsPage />) },
              { path: 'commissions', element: guarded('commissions', <CommissionsPage />) },
              { path: 'manuscript-settings', element: guarded('manuscriptSettings', <ManuscriptSettingsPage />) },
              { path: 'orgs', element: guarded('orgs', <OrgsPage />) },
              { path: 'users', element: guarded('users', <UsersPage />) },
              { path: 'security-policy', element: guarded('security', <SecurityPolicyPage />) },
              { path: 'audit-logs', element: guarded('audit', <AuditLogsPage />) },
              { path: 'activities', element: guarded('activities', <ActivitiesPage />) },
              { path: 'targets', element: guarded('targets', <TargetsPage />) },
              { path: 'plans', element: guarded('plans', <PlansPage />) },
              { path: 'plans/new', element: guarded('plans', <PlanNewPage />) },
              { path: 'plans/:id', element: guarded('plans', <PlanDetailPage />) },
              { path: 'supervision', element: guarded('supervision', <SupervisionPage />) },
              { path: 'mentions', element: guarded('mentions', <MentionsPage />) },
              { path: 'alerts', element: guarded('opinionAlerts', <AlertsPage />) },
              { path: 'incidents', element: guarded('incidents', <IncidentsPage />) },
              { path: 'briefs', element: guarded('briefs', <BriefsPage />) },
              { path: 'sources', element: guarded('sources', <SourcesPage />) },
              { path: 'topics', element: guarded('topics', <TopicsPage />) },
              { path: 'adoptions', element: guarded('adoptions', <AdoptionsPage />) },
              { path: 'scores', element: guarded('scores', <ScoresPage />) },
              { path: 'statistics', element: guarded('statistics', <StatisticsPage />) },
              { path: 'quotas', element: guarded('quotas', <QuotasPage />) },
              { path: 'endorsements', element: guarded('endorsements', <EndorsementsPage />) },
              { path: 'outlets', element: guarded('outlets', <OutletsPage />) },
              { path: 'scoring-rules', element: guarded('scoringRules', <RulesPage />) },
              { path: 'releases', element: guarded('releases', <ReleasesPage />) },
              { path: 'journals', element: guarded('journals', <JournalsPage />) },
              { path: 'journals/issues/:id', element: guarded('journals', <IssuePage />) },
              { path: 'notification-settings', element: <NotificationPrefsPage /> },
              { path: 'account-security', element: <AccountSecurityPage /> },
              { path: 'notification-channels', element: guarded('notificationChannels', <ChannelsPage />) },
              { path: 'notification-deliveries', element: guarded('notificationDeliveries', <DeliveriesPage />) },
              { path: 'bulletins', element: guarded('bulletins', <BulletinsPage />) },
              { path: 'bulletins/open', element: guarded('openBulletins', <OpenBulletinsPage />) },
              { path: 'assessments', element: guarded('assessments', <AssessmentPage />) },
              { path: 'dashboard', element: guarded('dashboard', <DashboardPage />) },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
