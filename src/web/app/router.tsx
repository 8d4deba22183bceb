import { createBrowserRouter, Navigate } from "react-router";
import { AccountPage } from "../features/account/account-page.tsx";
import { RequireSession } from "../features/auth/require-session.tsx";
import { SignInPage } from "../features/auth/sign-in-page.tsx";
import { BrandScope } from "../features/brands/brand-scope.tsx";
import { HomeRedirect } from "../features/brands/home-redirect.tsx";
import { ClassificationSettingsPage } from "../features/classification/classification-settings-page.tsx";
import { ReviewQueuePage } from "../features/classification/review-queue-page.tsx";
import { ImportPage } from "../features/import/import-page.tsx";
import { AcceptInvitationPage } from "../features/invitations/accept-invitation-page.tsx";
import { DEFAULT_SECTION } from "../features/sections/sections.ts";
import { SectionPage } from "../features/sections/section-page.tsx";
import { AuditPage } from "../features/settings/audit-page.tsx";
import { ClientsPage } from "../features/settings/clients-page.tsx";
import { InvitationsPage } from "../features/settings/invitations-page.tsx";
import { JobsPage } from "../features/settings/jobs-page.tsx";
import { RequireAdmin } from "../features/settings/require-admin.tsx";
import { SettingsIndex } from "../features/settings/settings-index.tsx";
import { SettingsLayout } from "../features/settings/settings-layout.tsx";
import { SourcesPage } from "../features/sources/sources-page.tsx";
import { UsersPage } from "../features/settings/users-page.tsx";
import { RulesPage } from "../features/semantic-core/rules-page.tsx";
import { SetupGate } from "../features/setup/setup-gate.tsx";
import { SetupPage } from "../features/setup/setup-page.tsx";
import { AppLayout } from "../features/shell/app-layout.tsx";
import { NotFoundPage } from "../features/shell/not-found-page.tsx";

export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    children: [
      { path: "/setup", element: <SetupPage /> },
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/invite/:token", element: <AcceptInvitationPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              {
                path: "b/:brandId",
                element: <BrandScope />,
                children: [
                  { index: true, element: <Navigate to={DEFAULT_SECTION} replace /> },
                  { path: "import", element: <ImportPage /> },
                  { path: "mentions/review", element: <ReviewQueuePage /> },
                  { path: ":section", element: <SectionPage /> },
                ],
              },
              {
                path: "settings",
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <SettingsIndex /> },
                  { path: "account", element: <AccountPage /> },
                  { path: "sources", element: <SourcesPage /> },
                  { path: "semantic-core", element: <RulesPage /> },
                  { path: "classification", element: <ClassificationSettingsPage /> },
                  {
                    element: <RequireAdmin />,
                    children: [
                      { path: "clients", element: <ClientsPage /> },
                      { path: "users", element: <UsersPage /> },
                      { path: "invitations", element: <InvitationsPage /> },
                      { path: "audit", element: <AuditPage /> },
                      { path: "jobs", element: <JobsPage /> },
                    ],
                  },
                ],
              },
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
