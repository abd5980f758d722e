// The front door's journeys in Debian's Chromium: a front door worker records contacts about an
// existing child and a new one, asks the police through a MASH enquiry (answered by the police
// partner in a browser of their own), decides, and has a decision authorised by a manager; the
// child's chronology then shows the contact and the decision. Also partner isolation in the browser,
// the whole recording journey without JavaScript, and the dashboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

// Fails the test on script errors and on failed requests other than pages (a 422 page with errors
// is deliberate; a 403 or 404 page is what isolation tests look for).
function watchErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

// Records a person through the people pages; returns their Safeguard ID.
async function recordPerson(page, { forename, surname, day, month, year }) {
  await page.goto(`${server.url}/people/new`);
  await page.getByLabel('Forename').fill(forename);
  await page.getByLabel('Surname').fill(surname);
  const dob = page.getByRole('group', { name: 'Date of birth', exact: true });
  await dob.getByLabel('Day').fill(String(day));
  await dob.getByLabel('Month').fill(String(month));
  await dob.getByLabel('Year').fill(String(year));
  await page.getByLabel('Female').check();
  await page.getByRole('button', { name: 'Record person' }).click();
  if (await page.getByTestId('likely-matches').count()) {
    await page.getByRole('button', { name: 'None of these: record a new person' }).click();
  }
  await page.getByText('Person recorded', { exact: true }).waitFor();
  return Number(new URL(page.url()).pathname.split('/')[2]);
}

// The caller and the worry, typed as the conversation goes.
async function describeCall(page, { caller, source, concerns }) {
  await page.getByLabel('Name', { exact: true }).fill(caller);
  await page.getByLabel('Relationship to the child, or agency and role').fill('Class teacher, Park Primary School');
  await page.getByLabel('Phone number (optional)').fill('01603 555 0101');
  await page.getByLabel('Referral source').selectOption(source);
  await page.getByRole('group', { name: 'Urgency' }).getByLabel('Amber').check();
  await page.getByLabel('What the caller is worried about, in their own words').fill(concerns);
  await page.getByLabel('Consent was not sought').check();
  await page.getByLabel('Lawful basis for sharing without consent').selectOption('safeguarding');
}

async function addExistingChild(page, name) {
  await page.getByLabel('Find a person').fill(name);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByTestId('find-results').waitFor();
  await page.getByRole('button', { name: `Add as a child ${name}` }).click();
  await page.getByTestId('people-on-contact').getByRole('term').filter({ hasText: name }).waitFor();
}

async function saveContact(page) {
  await page.getByRole('button', { name: 'Save contact' }).click();
  if (await page.getByTestId('likely-matches').count()) {
    await page.getByRole('button', { name: 'None of these: save the contact' }).click();
  }
  await page.getByText(/^Contact \d+ recorded\./).waitFor();
  return Number(new URL(page.url()).pathname.split('/')[2]);
}

test('a contact about a known child: MASH enquiry answered by the police, decision authorised by a manager', async () => {
  const front = await launchBrowser();
  const police = await launchBrowser();
  const manager = await launchBrowser();
  try {
    const page = await front.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server.url, 'frontdoor');
    await page.getByRole('heading', { name: 'Front door queue' }).waitFor();
    const child = await recordPerson(page, { forename: 'Marigold', surname: 'Quenby', day: 3, month: 4, year: 2015 });

    // Record the contact: search first, add the child, type the worry.
    await page.getByRole('link', { name: 'Record a contact' }).first().click();
    await describeCall(page, {
      caller: 'Ms Alder',
      source: '2A',
      concerns: 'Marigold arrived with a bruise on her cheek and said she did not want to go home tonight.',
    });
    await addExistingChild(page, 'Marigold Quenby');
    // What was typed before the search is still there.
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Ms Alder');
    await page.screenshot({ path: 'tests/e2e/screenshots/front_door_record.png', fullPage: true });
    const contact = await saveContact(page);
    assert.match(await page.getByTestId('deadline').textContent(), /Decision due by the end of/);

    // It is on the queue, with its deadline.
    await page.getByRole('link', { name: 'Home' }).click();
    const row = page.getByTestId('queue').getByRole('row')
      .filter({ has: page.getByRole('link', { name: `Contact ${contact}`, exact: true }) });
    assert.match(await row.textContent(), /Marigold Quenby/);
    assert.match(await row.textContent(), /Awaiting decision/);
    await page.screenshot({ path: 'tests/e2e/screenshots/front_door_queue.png', fullPage: true });

    // Ask the police.
    await row.getByRole('link', { name: `Contact ${contact}`, exact: true }).click();
    await page.getByRole('button', { name: 'Open a MASH enquiry' }).click();
    await page.getByLabel('Police', { exact: true }).check();
    await page.getByLabel('What are you asking them?').fill('Any police call-outs to the family home in the last year?');
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await page.getByText('MASH enquiry sent', { exact: true }).waitFor();
    assert.match(await page.getByTestId('enquiry-1').textContent(), /Not answered yet/);

    // The police partner answers from their own inbox.
    const policePage = await police.context.newPage();
    const policeErrors = watchErrors(policePage);
    await signIn(policePage, server.url, 'police');
    await policePage.getByRole('link', { name: `Enquiry ${contact}/1`, exact: true }).click();
    assert.match(await policePage.getByTestId('question').textContent(), /call-outs to the family home/);
    assert.match(await policePage.getByTestId('shared-children').textContent(), /Marigold Quenby/);
    assert.equal(await policePage.getByText('Ms Alder').count(), 0);  // the caller is not shared
    await policePage.getByLabel('What your agency knows, and when').fill('One domestic incident at the address on 2 March; no arrests.');
    await policePage.screenshot({ path: 'tests/e2e/screenshots/front_door_partner_enquiry.png', fullPage: true });
    await policePage.getByRole('button', { name: 'Send answer' }).click();
    await policePage.getByText('Answer sent', { exact: true }).waitFor();

    // The front door sees the answer, on time.
    await page.reload();
    const answers = await page.getByTestId('enquiry-1').textContent();
    assert.match(answers, /One domestic incident at the address/);
    assert.match(answers, /Answered on time/);

    // Decide: a strategy discussion waits for a manager.
    const section = page.getByTestId(`child-${child}`);
    await section.getByLabel(/^Strategy discussion/).check();
    await section.getByLabel('Primary need (for a referral or strategy discussion)').selectOption('N1');
    await section.getByLabel('Reason for the decision').fill('Disclosure of physical harm and a police history of domestic abuse.');
    await section.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText("Decision recorded. It waits for a manager's authorisation.").waitFor();
    await page.screenshot({ path: 'tests/e2e/screenshots/front_door_contact.png', fullPage: true });

    // The manager authorises it from their home page.
    const managerPage = await manager.context.newPage();
    const managerErrors = watchErrors(managerPage);
    await signIn(managerPage, server.url, 'manager');
    await managerPage.screenshot({ path: 'tests/e2e/screenshots/front_door_manager_home.png', fullPage: true });
    await managerPage.getByTestId('authorisations').getByRole('link', { name: `Contact ${contact}`, exact: true }).click();
    await managerPage.getByTestId(`child-${child}`).getByLabel('Note (optional)').fill('Agreed: strategy discussion today.');
    await managerPage.getByRole('button', { name: 'Authorise decision' }).click();
    await managerPage.getByText('Decision authorised', { exact: true }).waitFor();
    assert.match(await managerPage.getByTestId('contact-status').textContent(), /Decided/);

    // The child's chronology shows the contact, the decision and the referral.
    await page.reload();
    assert.match(await page.getByTestId('history').textContent(), /authorised/);
    await page.getByRole('link', { name: "Open Marigold Quenby's record" }).click();
    const chronology = await page.getByTestId('chronology').textContent();
    assert.match(chronology, new RegExp(`Contact ${contact} received from Schools`));
    assert.match(chronology, new RegExp(`Front door decision on contact ${contact}: Strategy discussion`));
    assert.match(chronology, /Children in Need episode opened/);
    assert.deepEqual(errors, []);
    assert.deepEqual(policeErrors, []);
    assert.deepEqual(managerErrors, []);
  } finally {
    await front.close();
    await police.close();
    await manager.close();
  }
});

test('a contact about a child not yet known, decided for early help', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server.url, 'frontdoor');
    await page.getByRole('link', { name: 'Record a contact' }).first().click();
    await describeCall(page, { caller: 'Mr Birch', source: '1B', concerns: 'The children next door are often left alone at night.' });
    // Searching finds no one; the new child is added in the same form.
    await page.getByLabel('Find a person').fill('Tobiah Wrexley');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No one found.').waitFor();
    const details = page.locator('#new-person');
    await details.getByLabel('Forename').fill('Tobiah');
    await details.getByLabel('Surname').fill('Wrexley');
    const dob = details.getByRole('group', { name: 'Date of birth', exact: true });
    await dob.getByLabel('Day').fill('12');
    await dob.getByLabel('Month').fill('9');
    await dob.getByLabel('Year').fill('2019');
    await details.getByLabel('Male', { exact: true }).check();
    await details.getByRole('button', { name: 'Add new child' }).click();
    await page.getByTestId('people-on-contact').getByRole('term').filter({ hasText: 'Tobiah Wrexley' }).waitFor();
    assert.equal(await page.getByLabel('What the caller is worried about, in their own words').inputValue(),
      'The children next door are often left alone at night.');
    const contact = await saveContact(page);
    assert.match(await page.getByTestId('contact-title').textContent(), /Tobiah Wrexley/);

    await page.getByLabel('Early help', { exact: true }).check();
    await page.getByLabel('Early help service (for early help)').fill('Family support, Norwich north');
    await page.getByLabel('Reason for the decision').fill('Neglect concerns below the threshold for assessment; family open to support.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Decision recorded', { exact: true }).waitFor();
    assert.match(await page.getByTestId('decision').textContent(), /Family support, Norwich north/);
    // Decided: off the queue.
    await page.getByRole('link', { name: 'Home' }).click();
    assert.equal(await page.getByRole('link', { name: `Contact ${contact}`, exact: true }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('a MASH partner sees only their own agency\'s enquiries, and no contact or record', async () => {
  const front = await launchBrowser();
  const police = await launchBrowser();
  try {
    const page = await front.context.newPage();
    await signIn(page, server.url, 'frontdoor');
    const child = await recordPerson(page, { forename: 'Hollis', surname: 'Penhaligon', day: 1, month: 2, year: 2014 });
    await page.goto(`${server.url}/contacts/new`);
    await describeCall(page, { caller: 'School nurse', source: '3C', concerns: 'Hollis has lost weight and seems withdrawn.' });
    await addExistingChild(page, 'Hollis Penhaligon');
    const contact = await saveContact(page);
    await page.getByRole('button', { name: 'Open a MASH enquiry' }).click();
    await page.getByLabel('Health', { exact: true }).check();
    await page.getByLabel('What are you asking them?').fill('GP and health visitor contact in the last six months?');
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await page.getByText('MASH enquiry sent', { exact: true }).waitFor();

    const policePage = await police.context.newPage();
    await signIn(policePage, server.url, 'police');
    assert.equal(await policePage.getByRole('link', { name: `Enquiry ${contact}/1`, exact: true }).count(), 0);
    let response = await policePage.goto(`${server.url}/mash/${contact}/1`);
    assert.equal(response.status(), 404);
    assert.equal(await policePage.getByText('GP and health visitor').count(), 0);
    response = await policePage.goto(`${server.url}/contacts/${contact}`);
    assert.equal(response.status(), 403);
    assert.equal(await policePage.getByText('Hollis').count(), 0);
    response = await policePage.goto(`${server.url}/people/${child}`);
    assert.equal(response.status(), 403);
    assert.equal(await policePage.getByText('Hollis').count(), 0);
    response = await policePage.goto(`${server.url}/front-door`);
    assert.equal(response.status(), 403);
    // No way in from the navigation either.
    const navigation = await policePage.locator('.govuk-service-navigation').textContent();
    assert.doesNotMatch(navigation, /Find a person|Record a contact|Front door/);

    // Health, asked, sees it.
    await policePage.getByTestId('sign-out').click();
    await signIn(policePage, server.url, 'health');
    await policePage.getByRole('link', { name: `Enquiry ${contact}/1`, exact: true }).click();
    assert.match(await policePage.getByTestId('shared-children').textContent(), /Hollis Penhaligon/);
  } finally {
    await front.close();
    await police.close();
  }
});

test('recording and deciding work without JavaScript', async () => {
  const browser = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'frontdoor');
    await recordPerson(page, { forename: 'Nojs', surname: 'Ashworth', day: 5, month: 6, year: 2013 });
    await page.goto(`${server.url}/contacts/new`);
    await describeCall(page, { caller: 'Ms Cole', source: '3A', concerns: 'Missed three hospital appointments.' });
    await addExistingChild(page, 'Nojs Ashworth');
    // Yesterday, so that 09:30 is in the past whatever time the test runs.
    const yesterday = new Date(Date.now() - 86400000);
    const received = page.getByRole('group', { name: 'Date received' });
    await received.getByLabel('Day').fill(String(yesterday.getUTCDate()));
    await received.getByLabel('Month').fill(String(yesterday.getUTCMonth() + 1));
    await received.getByLabel('Year').fill(String(yesterday.getUTCFullYear()));
    // A mistake comes back as an error on the field, with everything kept.
    await page.getByLabel('Time received').fill('25:61');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('link', { name: 'Enter the time received on the 24-hour clock, like 14:30' }).waitFor();
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Ms Cole');
    await page.getByLabel('Time received').fill('09:30');
    await saveContact(page);
    await page.getByLabel('Advice or signposting', { exact: true }).check();
    await page.getByLabel('Reason for the decision').fill('Signposted to the GP practice.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Decision recorded', { exact: true }).waitFor();
  } finally {
    await browser.close();
  }
});

test('the dashboard shows the front door\'s figures', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server.url, 'analyst');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Front door dashboard' }).waitFor();
    const contacts = Number(await page.getByTestId('figure-contacts').locator('.sg-figure__value').textContent());
    assert.ok(contacts >= 3, `expected the contacts recorded by the other journeys, got ${contacts}`);
    assert.match(await page.getByTestId('by-source').textContent(), /Schools/);
    // The bars are sized by the stylesheet (no inline styles are allowed).
    const width = await page.locator('.sg-bar').first().evaluate((bar) => bar.getBoundingClientRect().width);
    assert.ok(width > 0);
    await page.screenshot({ path: 'tests/e2e/screenshots/front_door_dashboard.png', fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
