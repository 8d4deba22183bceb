import { useCallback, useEffect, useState, type ReactNode } from "react";
import type { TLocale } from "../api/types.ts";
import { useSession } from "../features/auth/use-session.ts";
import { useUpdateMe } from "../features/me/use-update-me.ts";
import { readGuestLocale, saveGuestLocale } from "../i18n/guest-locale.ts";
import { I18nProvider } from "../i18n/i18n-context.tsx";

/**
 * Decides the interface language: the signed-in user's own setting, else the last choice in
 * this browser, else the browser's language. Switching while signed in is saved to the account.
 */
export function LocaleRoot(props: { children: ReactNode }) {
  const session = useSession();
  const updateMe = useUpdateMe();
  const [guestLocale, setGuestLocale] = useState<TLocale>(readGuestLocale);
  const user = session.data?.user;
  const locale = user?.locale ?? guestLocale;

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // Remember the account's language in this browser too, so sign-in pages keep speaking it.
  const userLocale = user?.locale;
  useEffect(() => {
    if (!userLocale) return;
    saveGuestLocale(userLocale);
    setGuestLocale(userLocale);
  }, [userLocale]);

  const { mutate } = updateMe;
  const signedIn = Boolean(user);
  const setLocale = useCallback(
    (next: TLocale) => {
      saveGuestLocale(next);
      setGuestLocale(next);
      if (signedIn) mutate({ locale: next });
    },
    [mutate, signedIn],
  );

  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      {props.children}
    </I18nProvider>
  );
}
