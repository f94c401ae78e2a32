// Issue 12: what the fixes look like from a browser and from an attacker's
// client, on the built app.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, createToken, createUser, signIn } from "./helpers";

test.describe("server actions", () => {
  test("a server action replayed without Origin is refused and writes nothing; the same request from this site works", async ({ page, baseURL }) => {
    test.setTimeout(120_000); // two account commands (npx tsx) and several round trips on a shared machine
    const colleague = createUser(`colleague-${Date.now()}@example.org`, "admin");
    await signIn(page, ADMIN, "/admin/tokens");
    await page.setViewportSize({ width: 1440, height: 900 });
    const sent = page.waitForRequest((r) => r.method() === "POST" && "next-action" in r.headers());
    await page.getByLabel("Name (what it is for)").fill("e2e action origin");
    await page.getByRole("button", { name: "Create token" }).click();
    const original = await sent;
    await expect(page.getByText("e2e action origin").first()).toBeVisible();

    const headers = original.headers();
    const replay = (name: string, extra: Record<string, string>) =>
      page.request.post(original.url(), {
        headers: {
          "next-action": headers["next-action"],
          "next-router-state-tree": headers["next-router-state-tree"] ?? "",
          "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
          accept: "text/x-component",
          ...extra,
        },
        data: original.postData()!.replace("e2e action origin", name),
      });
    const names = async () => ((await (await page.request.get("/api/v1/tokens")).json()).data as Array<{ name: string }>).map((t) => t.name);

    // Playwright's request client sends the session cookie and, like a stripped or old client, no Origin.
    const refused = await replay("replayed without origin", {});
    expect(await refused.text()).toContain("sent from another site");
    expect(await names()).not.toContain("replayed without origin");

    // The same request saying it comes from this site goes through: the replay is a real action call.
    const accepted = await replay("replayed from this site", { origin: new URL(baseURL!).origin });
    expect(accepted.status()).toBe(200);
    expect(await names()).toContain("replayed from this site");

    // A token in another admin's name: the form offers only one's own account, and the action refuses any other, naming the field.
    await page.reload();
    await expect(page.getByText(`${ADMIN.email} (you)`)).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Acts as" })).toHaveCount(0);
    const borrowed = await page.request.post(original.url(), {
      headers: {
        "next-action": headers["next-action"],
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
        "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: new URL(baseURL!).origin,
      },
      data: original.postData()!.replace("e2e action origin", "e2e borrowed").replace(ADMIN.email, colleague.email),
    });
    expect(await borrowed.text()).toContain("must be your own account");
    expect(await names()).not.toContain("e2e borrowed");
    await page.screenshot({ path: "tests/output/secweb-tokens-1440.png", fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "tests/output/secweb-tokens-390.png", fullPage: true });
  });
});

test.describe("anonymous readers and drafts", () => {
  const MARKER = `Dq${Date.now().toString(36)}`;
  async function makeDrafts(api: APIRequestContext) {
    const auth = { authorization: `Bearer ${createToken(ADMIN.email, "e2e drafts")}` };
    const report = (extra: Record<string, unknown>) => ({
      targetCountry: "UY",
      periodStart: "2021-03-01",
      speakers: [{ name: "Lucía Pérez", role: "Director" }],
      citations: [{ outlet: { name: "Montevideo Portal" } }],
      observations: [{ count: 42, scope: { type: "all" } }],
      ...extra,
    });
    const draft = await api.post("/api/v1/reports", {
      headers: auth,
      data: report({
        status: "draft",
        notes: `${MARKER} internal note`,
        speakers: [{ name: `${MARKER} Speaker`, role: "Adviser", organisation: `${MARKER} Ministry` }],
        citations: [{ outlet: { name: `${MARKER} Outlet` } }],
      }),
    });
    expect(draft.status()).toBe(201);
    const staged = await api.post("/api/v1/reports", { headers: auth, data: report({ status: "draft", notes: `${MARKER} not yet checked` }) });
    const stagedBody = await staged.json();
    const published = await api.patch(`/api/v1/reports/${stagedBody.id}`, { headers: auth, data: { version: stagedBody.version, status: "published", notes: "Checked." } });
    expect(published.status()).toBe(200);
    return { draftId: (await draft.json()).id as number, publishedId: stagedBody.id as number };
  }

  test.setTimeout(120_000);
  test("the dashboard (HTML and RSC payload), a report's page and its history show anonymous readers nothing drafts hold", async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const { draftId, publishedId } = await makeDrafts(anonymous);
    for (const [path, headers] of [
      ["/", {}],
      ["/", { rsc: "1" }],
      [`/reports/${publishedId}`, {}],
      [`/api/v1/reports/${publishedId}/history`, {}],
      [`/api/v1/speakers?q=${MARKER}`, {}],
      [`/api/v1/outlets?q=${MARKER}`, {}],
    ] as const) {
      const response = await anonymous.get(path, { headers });
      expect(response.status(), path).toBe(200);
      expect(await response.text(), `${path} ${JSON.stringify(headers)}`).not.toContain(MARKER);
    }
    expect((await anonymous.get(`/reports/${draftId}`)).status()).toBe(404);
    await anonymous.dispose();

    // Signed-in readers keep everything.
    await signIn(page, ADMIN, "/admin");
    expect(await (await page.request.get("/")).text()).toContain(`${MARKER} Ministry`);
    expect(await (await page.request.get(`/api/v1/reports/${publishedId}/history`)).text()).toContain(`${MARKER} not yet checked`);
    await page.goto(`/reports/${publishedId}`);
    await expect(page.getByText(`${MARKER} not yet checked`).first()).toBeAttached();
  });
});
