// The dashboard at /dashboard in Debian's Chromium, over the real gateway and the four real subgraphs: it loads
// nothing from outside the hub, is usable by keyboard and at phone width, and shows the figures the GraphQL API
// gives for the same documented operations (schema/operations/Dashboard*.graphql).
import { readTrustedDocuments } from '@vo/gateway/trusted-documents';
import { authHeaders } from '@vo/kit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchChromium, openPage, scrollsSideways, tabTo, type WatchedPage } from './support/browser.js';
import { startGatewayOver, startHub, type Hub } from './support/hub.js';
import { ROLES } from './support/roles.js';

const operation = (name: string) => readFileSync(new URL(`../schema/operations/${name}.graphql`, import.meta.url), 'utf8');
const text = (value: string | null) => (value ?? '').replace(/\s+/g, ' ').trim();
const euroPerInhabitant = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 3, maximumFractionDigits: 3 });

let hub: Hub;
let browser: Browser;
let current: WatchedPage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  hub = await startHub();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});
afterEach(async () => {
  // Every page of every test: nothing fetched from outside this machine, and a clean console.
  const page = current;
  current = undefined;
  await page?.close();
  expect(page?.blocked).toEqual([]);
  expect(page?.errors).toEqual([]);
});

async function open(path: string, width = 1280, baseUrl = hub.baseUrl): Promise<Page> {
  current = await openPage(browser, width);
  await current.page.goto(`${baseUrl}/dashboard${path}`);
  await current.page.locator('#view-heading').waitFor();
  return current.page;
}

/** Saves a screenshot as a test artifact; the README's copies in docs/ are refreshed by hand (cp test/artifacts/dashboard-*.png docs/). */
async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS_DIR, name), fullPage: true });
}

describe('the national view', () => {
  it('draws the ten regions from the CBS map as focusable buttons, with a legend, a table and the source', async () => {
    const page = await open('');
    const regions = page.locator('.map__region');
    await expect.poll(() => regions.count()).toBe(10);
    expect(await regions.evaluateAll((paths) => paths.map((p) => p.getAttribute('data-region')))).toEqual(['NN', 'ON', 'MN', 'NH', 'AA', 'DH', 'RR', 'ZWB', 'OB', 'LB']);
    for (const path of await regions.all()) {
      expect(await path.getAttribute('tabindex')).toBe('0');
      expect(await path.getAttribute('aria-label')).toMatch(/^[A-Z][\w-]+.*: \d/);
    }
    expect(await page.locator('#legend .legend__item').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#national-table tbody tr').count()).toBe(10);
    expect(text(await page.locator('.national__map').textContent())).toContain('Bron: CBS');
    // The coverage trend comes from the Trend API: a national figure for every year.
    const national = await page.locator('#trend-table td[data-place="NL"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));
    expect(national.length).toBeGreaterThan(5);
    for (const value of national) expect(Number(value)).toBeGreaterThan(0.1);
  });

  it('takes an indicator and a region from the keyboard and shows the figures the API gives', async () => {
    const page = await open('');
    await tabTo(page, 'input[name="indicator"]:checked');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#indicator-funding').isChecked()).toBe(true);
    await tabTo(page, '.map__region[data-region="OB"]');
    // The focused region gets a visible ring drawn over its neighbours.
    expect(await page.locator('.map__focus-line').getAttribute('d')).toBe(await page.locator('.map__region[data-region="OB"]').getAttribute('d'));
    await page.keyboard.press('Enter');
    expect(await page.locator('.map__region[data-region="OB"]').getAttribute('aria-pressed')).toBe('true');

    // The same operation through the API: the Trend API's rows for the ten regions, per year.
    const { trends } = await ROLES.anonymous.client.graphqlOk(hub.url, operation('DashboardNational'));
    const year = trends.national.at(-1).year;
    const perInhabitant = (row: any) => row.funding.totalCents / 100 / row.population;
    for (const row of trends.rows.filter((r: any) => r.year === year)) {
      const funding = page.locator(`td[data-place="${row.place}"][data-indicator="funding"]`);
      expect(Number(await funding.getAttribute('data-value'))).toBe(perInhabitant(row));
      expect(text(await funding.textContent())).toBe(text(euroPerInhabitant.format(perInhabitant(row))));
      const coverage = page.locator(`td[data-place="${row.place}"][data-indicator="coverage"]`);
      expect(Number(await coverage.getAttribute('data-value'))).toBe(row.kvo.businessParkCoverage);
      const cyber = page.locator(`td[data-place="${row.place}"][data-indicator="cyber"]`);
      if (row.cyber.suppressed) expect(text(await cyber.textContent())).toBe('niet gepubliceerd (kleine groep)');
      else expect(Number(await cyber.getAttribute('data-value'))).toBe(row.cyber.averageScore);
    }
    const ob = trends.rows.filter((r: any) => r.place === 'OB');
    const obFunding = text(euroPerInhabitant.format(perInhabitant(ob.at(-1))));
    expect(text(await page.locator('.map__region[data-region="OB"]').getAttribute('aria-label'))).toBe(`Oost-Brabant: ${obFunding}`);
    expect(text(await page.locator('#selection-summary').textContent())).toContain(`Oost-Brabant: financiering per inwoner in ${year} is ${obFunding}`);
    // The trend table beside the chart: Oost-Brabant next to the country, year by year.
    for (const row of ob) {
      const cell = page.locator(`#trend-table td[data-place="OB"][data-year="${row.year}"]`);
      expect(Number(await cell.getAttribute('data-value'))).toBe(perInhabitant(row));
    }
    await screenshot(page, 'dashboard-national.png');
  });

  it('fits a phone (360 px) without scrolling sideways', async () => {
    const page = await open('', 360);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await page.locator('.map__region').count()).toBe(10);
  });
});

describe('the region view', () => {
  it('shows the open figures and a notice instead of funding by funder without a token', async () => {
    const page = await open('#regio/NN');
    await page.locator('#funding-notice').waitFor();
    expect(text(await page.locator('#funding-notice').textContent())).toContain('region:NN:read');
    expect(await page.locator('[data-funder]').count()).toBe(0);
    const { data, errors } = await ROLES.anonymous.client.graphql<any>(hub.url, operation('DashboardRegion'), { region: 'NN' });
    expect(errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    for (const year of data.region.funding.perYear) {
      expect(year.byFunder).toBeNull();
      expect(Number(await page.locator(`[data-total-year="${year.year}"]`).getAttribute('data-value'))).toBe(year.totalCents);
    }
    expect(await page.locator('#municipality-map path.map__municipality').count()).toBe(data.region.municipalityCount);
    expect(Number(await page.locator('#expiring-summary strong').nth(1).getAttribute('data-value'))).toBe(data.region.kvo.expiringSoon);
  });

  it("shows funding by funder with the region's own token, pasted into the access form", async () => {
    const page = await open('#regio/NN');
    const token = (await authHeaders({ scopes: ['region:NN:read'] })).authorization.replace(/^Bearer /, '');
    await tabTo(page, '#access summary');
    await page.keyboard.press('Enter');
    await tabTo(page, '#token');
    await page.keyboard.insertText(token);
    await page.keyboard.press('Enter');
    await page.locator('[data-funder]').first().waitFor();
    expect(await page.locator('#funding-notice').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('vo-dashboard-token'))).toBe(token);

    const data = await ROLES.regionNN.client.graphqlOk(hub.url, operation('DashboardRegion'), { region: 'NN' });
    for (const year of data.region.funding.perYear) {
      for (const { funder, amountCents } of year.byFunder) {
        const cell = page.locator(`[data-funder="${funder.id ?? funder.code}"][data-year="${year.year}"]`);
        expect(Number(await cell.getAttribute('data-value'))).toBe(amountCents);
      }
    }
    expect(await page.locator('#pvo-partners li').count()).toBe(data.region.pvo.partners.length);
    for (const year of data.region.cyber.perYear) {
      const cell = page.locator(`[data-cyber-year="${year.year}"]`);
      expect(await cell.getAttribute('data-value')).toBe(year.averageScore === null ? '' : String(year.averageScore));
    }
    await screenshot(page, 'dashboard-region.png');
  });

  it('says so when the hub refuses the pasted token, and shows the open figures again once it is cleared', async () => {
    const page = await open('#regio/NN');
    await page.locator('#access summary').click();
    await page.locator('#token').fill('not-a-token');
    await page.locator('#token').press('Enter');
    await expect.poll(async () => text(await page.locator('#status [role="alert"]').textContent())).toContain('De hub accepteert het token niet');
    // The browser logs the refused request (HTTP 401) as a console error: that one is expected here.
    current!.errors.splice(0, current!.errors.length, ...current!.errors.filter((e) => !e.includes('401')));
    await page.getByRole('button', { name: 'Token wissen' }).click();
    await page.locator('#funding-notice').waitFor();
    expect(await page.locator('#status [role="alert"]').count()).toBe(0);
  });

  it('fits a phone (360 px) without scrolling sideways', async () => {
    const page = await open('#regio/ON', 360);
    await page.locator('#cyber-chart').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
  });
});

describe('in trusted-documents mode', () => {
  // A regional dashboard should run against a hub that accepts only the registered operations.
  let trusted: Awaited<ReturnType<typeof startGatewayOver>>;
  let trustedBase: string;
  beforeAll(async () => {
    const manifest = readTrustedDocuments(fileURLToPath(new URL('../schema/trusted-documents.json', import.meta.url)));
    trusted = await startGatewayOver(hub, { trustedDocuments: manifest });
    trustedBase = trusted.url.replace(/\/graphql$/, '');
  });
  afterAll(() => trusted?.close());

  it('shows the national view, since it sends only registered operations', async () => {
    const page = await open('', 1280, trustedBase);
    // The table fills when the registered operation answers; a bare count() would read it before that.
    await expect.poll(() => page.locator('#national-table tbody tr').count()).toBe(10);
  });

  it('shows a region view', async () => {
    const page = await open('#regio/LB', 1280, trustedBase);
    await page.locator('#cyber-chart').waitFor();
    expect(text(await page.locator('#view-heading').textContent())).toBe('Limburg');
  });
});
