import { Result, Spin } from 'antd';
import { lazy, ReactNode, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { onSessionEnded } from './api';
import { passwordChangeRedirect } from './logic/password-change';
import { loginPathFor } from './logic/return-path';
import { SECTIONS } from './sections';
import { useSession } from './session';

// one chunk per menu section: the login and home pages load first, the rest when opened
const LoginPage = lazy(() => import('./pages/LoginPage'));
const PortalLayout = lazy(() => import('./layout/PortalLayout'));
const HomePage = lazy(() => import('./pages/HomePage'));
const MyAccountPage = lazy(() => import('./pages/account/MyAccountPage'));
const ChangePasswordPage = lazy(() => import('./pages/account/ChangePasswordPage'));
const PublicityPage = lazy(() => import('./pages/public/PublicityPage'));

function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip="加载中…" size="large">
        <span />
      </Spin>
    </div>
  );
}

/** The signed-in part of the portal: without a session, the login page (remembering this page); with an initial or expired password, its change only. */
function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  const passwordChange = passwordChangeRedirect(me, location.pathname);
  if (passwordChange) return <Navigate to={passwordChange} replace />;
  return <>{children}</>;
}

export function App() {
  const navigate = useNavigate();
  const { clear } = useSession();

  useEffect(() => {
    // a refused refresh (or a request without a session) goes to login, remembering the page
    onSessionEnded(() => {
      const current = window.location.pathname.replace(/^\/portal/, '') + window.location.search;
      clear('expired');
      navigate(loginPathFor(current), { replace: true });
    });
  }, [clear, navigate]);

  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/public/*" element={<PublicityPage />} />
        <Route
          element={
            <RequireSession>
              <PortalLayout />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          {SECTIONS.flatMap((section) => section.routes).map(({ path, page: Page }) => (
            <Route key={path} path={path.slice(1)} element={<Page />} />
          ))}
          <Route path="account" element={<MyAccountPage />} />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="*" element={<Result status="404" title="页面不存在" subTitle="您访问的页面不存在，请从左侧菜单进入。" />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
