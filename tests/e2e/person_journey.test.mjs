// The main journey of the foundation, in Debian's Chromium: sign in, record a person (likely
// matches offered first), search with a misspelling, open the record, correct it with a reason,
// see the correction in the chronology, see the access log as an administrator, and sign out.
// The same journey's core is also run with JavaScript off: every page works without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function recordPerson(page, { forename, surname, day, month, year }) {
  await page.getByRole('link', { name: 'Record a person' }).first().click();
  await page.getByLabel('Forename').fill(forename);
  await page.getByLabel('Surname').fill(surname);
  const dob = page.getByRole('group', { name: 'Date of birth', exact: true });
  await dob.getByLabel('Day').fill(String(day));
  await dob.getByLabel('Month').fill(String(month));
  await dob.getByLabel('Year').fill(String(year));
  await page.getByLabel('Female').check();
  await page.getByLabel('Ethnicity').selectOption('WBRI');
  await page.getByLabel('Address line 1').fill('14 Quarry Lane');
  await page.getByLabel('Town or city').fill('Norwich');
  await page.getByLabel('Postcode').fill('nr3 1aa');
}

test('a front door worker records, finds, opens and corrects a person', async () => {
  const browser = await launchBrowser();
  const errors = [];
  try {
    const page = await browser.context.newPage();
    // Pages answer 422 on purpose when a form has errors; any other failed request is a fault.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== 'document') {
        errors.push(`${response.status()} ${response.url()}`);
      }
    });
    page.on('pageerror', (error) => errors.push(error.message));

    // Sign in.
    await page.goto(`${server.url}/people`);
    assert.match(page.url(), /\/sign-in\?next=/);
    await page.getByLabel('Username').fill('frontdoor');
    await page.getByLabel('Password').fill('demo-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/people$/);
    await page.waitForLoadState('load');
    assert.equal(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), true);
    const font = await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily);
    assert.match(font, /GDS Transport/);

    // Add a person.
    await recordPerson(page, { forename: 'Zebedee', surname: 'Quarrington', day: 3, month: 4, year: 2015 });
    await page.getByRole('button', { name: 'Record person' }).click();
    await page.getByText('Person recorded', { exact: true }).waitFor();
    const personUrl = page.url().replace(/\?.*$/, '');
    assert.equal(await page.getByTestId('person-name').textContent(), 'Zebedee Quarrington');

    // Recording them again offers the existing record first.
    await recordPerson(page, { forename: 'Zebedie', surname: 'Quarington', day: 3, month: 4, year: 2015 });
    await page.getByRole('button', { name: 'Record person' }).click();
    await page.getByTestId('likely-matches').waitFor();
    assert.match(await page.getByTestId('likely-matches').textContent(), /Zebedee Quarrington/);

    // Search with a misspelling, and open the record.
    await page.getByRole('link', { name: 'Find a person' }).click();
    await page.getByLabel('Name').fill('zebadee quarington');
    await page.getByRole('button', { name: 'Search' }).click();
    assert.match(await page.getByTestId('result-count').textContent(), /1 person found/);
    await page.getByRole('link', { name: 'Zebedee Quarrington' }).click();
    assert.equal(page.url(), personUrl);

    // Correct the date of birth, with a reason.
    await page.getByRole('button', { name: 'Correct details' }).click();
    const dob = page.getByRole('group', { name: 'Date of birth', exact: true });
    await dob.getByLabel('Day').fill('4');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.getByRole('link', { name: 'Enter the reason for the correction' }).waitFor();
    await page.getByLabel('Why are you correcting these details?').fill('Birth certificate seen at the home visit');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.getByText('Details corrected', { exact: true }).waitFor();

    // The correction is in the chronology, with who made it and why.
    const chronology = page.getByTestId('chronology');
    assert.match(await chronology.textContent(), /date of birth from 3 April 2015 to 4 April 2015/);
    assert.match(await chronology.textContent(), /Reason: Birth certificate seen at the home visit/);
    const signedInAs = (await page.locator('.sg-signed-in__name').textContent()).trim();
    const latest = chronology.locator('tbody tr').first().locator('td');
    assert.equal((await latest.nth(2).textContent()).trim(), signedInAs);
    await page.screenshot({ path: 'tests/e2e/screenshots/person.png', fullPage: true });

    // Sign out: the record is no longer reachable.
    await page.getByTestId('sign-out').click();
    assert.match(page.url(), /\/sign-in/);
    await page.goto(personUrl);
    assert.match(page.url(), /\/sign-in\?next=/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('an administrator sees who looked at a record', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'admin');
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByLabel('Safeguard ID').fill('1');
    await page.getByRole('button', { name: 'Show access log' }).click();
    assert.match(await page.getByTestId('access-log').textContent(), /recorded person/);
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('button', { name: "Check every record's chain" }).click();
    await page.getByText("Every record's chain is intact.").waitFor();
  } finally {
    await browser.close();
  }
});

test('every page of the journey works without JavaScript', async () => {
  const browser = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'frontdoor');
    await recordPerson(page, { forename: 'Nojs', surname: 'Wilberforce', day: 9, month: 10, year: 2012 });
    await page.getByRole('button', { name: 'Record person' }).click();
    await page.getByText('Person recorded', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Find a person' }).click();
    await page.getByLabel('Name').fill('wilberforse');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Nojs Wilberforce' }).click();
    assert.equal(await page.getByTestId('person-name').textContent(), 'Nojs Wilberforce');
    await page.getByTestId('sign-out').click();
    assert.match(page.url(), /\/sign-in/);
  } finally {
    await browser.close();
  }
});

test('typing is kept as a draft and survives a closed browser', async () => {
  let browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'frontdoor');
    await page.goto(`${server.url}/people/new`);
    await page.getByLabel('Forename').fill('Drafty');
    await page.getByLabel('Surname').fill('Halfwritten');
    await page.getByText(/Draft saved at/).waitFor();
  } finally {
    await browser.close();
  }
  browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'frontdoor');
    await page.goto(`${server.url}/people/new`);
    assert.equal(await page.getByLabel('Surname').inputValue(), 'Halfwritten');
    await page.getByText('We kept what you typed').waitFor();
  } finally {
    await browser.close();
  }
});
