import { expect, it } from "vitest";
import { signIn } from "../../../test/factories.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { findBrandByName, findClientByName, findWorkspaceByName } from "../../accounts/queries.ts";
import { DEMO_WORKSPACE, seedDemo } from "../../demo/seed-demo.ts";
import { ingestItems, negativeItem } from "../cases.test-support.ts";
import { dispatchNotifications } from "../notify/dispatch-notifications.ts";
import { seedDemoCases } from "./seed-demo-cases.ts";

type TList = { items: { id: string; state: string }[]; counts: { byState: Record<string, number> } };

describeOnDatabases("demo cases", (h) => {
  it("puts cases in every state with chats and versions on the demo brands, once", async () => {
    await seedDemo(h().app, { password: "demo-password-123", mentions: false });
    const workspace = await findWorkspaceByName(h().app.db, DEMO_WORKSPACE);
    const client = await findClientByName(h().app.db, workspace?.id ?? "", "Northwind Group");
    const bank = await findBrandByName(h().app.db, client?.id ?? "", "Northwind Bank");
    const brandId = bank?.id ?? "";
    const complaints = [
      "списали комиссию за обслуживание карты, которую обещали бесплатной",
      "в отделении на Тверской очередь два часа и работает одно окно",
      "приложение не открывается после обновления, войти невозможно",
      "кредитный менеджер звонит каждый день по утрам, хотя я отказался",
      "перевод ушёл три дня назад и до сих пор не дошёл до получателя",
      "банкомат у метро съел карту и никто не отвечает в чате",
      "вклад закрыли без предупреждения и проценты пересчитали",
      "курьер не привёз карту в назначенный день, перенесли уже трижды",
      "заблокировали счёт ИП без объяснения причин, бизнес стоит",
      "кешбэк за прошлый месяц не начислили, поддержка отвечает шаблонами",
      "ипотечный отдел потерял документы и просит собрать всё заново",
      "сотрудник в отделении нахамил пожилой маме и отказался помочь",
      "двойное списание за покупку в магазине, вернуть отказываются",
      "не приходит смс с кодом подтверждения, оплатить ничего не могу",
    ];
    await ingestItems(h(), brandId, "vk", complaints.map((c, i) => negativeItem(`demo-${i}`, 60 * (i + 1), { text: `Northwind Bank, ужас: ${c}` })));

    const first = await seedDemoCases(h().app, new Map([["Northwind Bank", brandId]]));
    expect(first.added).toBe(11);
    const admin = await signIn(h(), "admin@demo.local", "demo-password-123");
    const list = await admin.get<TList>(`/api/brands/${brandId}/cases?limit=100`);
    expect(Object.entries(list.body.counts.byState).filter(([, n]) => n > 0).map(([s]) => s).sort()).toEqual(
      ["approved", "in_work", "new", "no_response_needed", "published", "resolved", "response_proposed", "returned"].sort(),
    );
    const revised = list.body.items.find((i) => i.state === "response_proposed" && i.id);
    expect(revised).toBeDefined();
    let withDiff = 0;
    let withChat = 0;
    for (const c of list.body.items) {
      const versions = await admin.get<{ versions: { diff: unknown[] | null }[] }>(`/api/brands/${brandId}/cases/${c.id}/responses`);
      if (versions.body.versions.some((v) => v.diff !== null)) withDiff++;
      const messages = await admin.get<{ messages: unknown[] }>(`/api/brands/${brandId}/cases/${c.id}/messages`);
      if (messages.body.messages.length > 0) withChat++;
    }
    expect(withDiff).toBeGreaterThanOrEqual(2);
    expect(withChat).toBeGreaterThanOrEqual(6);
    // Demo notices are not sent.
    await dispatchNotifications(h().app, { mailer: null });
    const inbox = await admin.get<{ items: unknown[] }>("/api/notifications");
    expect(inbox.body.items).toEqual([]);

    const again = await seedDemoCases(h().app, new Map([["Northwind Bank", brandId]]));
    expect(again).toEqual({ added: 0, total: 11 });
  });
});
