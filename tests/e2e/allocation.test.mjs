// Allocation in Debian's Chromium: the front door refers a child; a team manager finds them on the
// unallocated list and allocates them to a social worker, who then finds the child on their home
// page and opens the record as their own work (no reason asked for).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('a referred child is allocated by a manager and appears in the social worker\'s children', async () => {
  const front = await launchBrowser();
  const manager = await launchBrowser();
  const worker = await launchBrowser();
  try {
    // The front door refers a child not yet known.
    const page = await front.context.newPage();
    await signIn(page, server.url, 'frontdoor');
    await page.getByRole('link', { name: 'Record a contact' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Ms Quill');
    await page.getByLabel('Relationship to the child, or agency and role').fill('Health visitor');
    await page.getByLabel('Referral source').selectOption('3B');
    await page.getByRole('group', { name: 'Urgency' }).getByLabel('Amber').check();
    await page.getByLabel('What the caller is worried about, in their own words').fill('The baby has lost weight and the home is cold.');
    await page.getByLabel('Consent was not sought').check();
    await page.getByLabel('Lawful basis for sharing without consent').selectOption('safeguarding');
    await page.getByLabel('Find a person').fill('Marigold Quenby');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No one found.').waitFor();
    const details = page.locator('#new-person');
    await details.getByLabel('Forename').fill('Marigold');
    await details.getByLabel('Surname').fill('Quenby');
    const dob = details.getByRole('group', { name: 'Date of birth', exact: true });
    await dob.getByLabel('Day').fill('3');
    await dob.getByLabel('Month').fill('2');
    await dob.getByLabel('Year').fill('2026');
    await details.getByLabel('Female', { exact: true }).check();
    await details.getByRole('button', { name: 'Add new child' }).click();
    await page.getByTestId('people-on-contact').getByRole('term').filter({ hasText: 'Marigold Quenby' }).waitFor();
    await page.getByRole('button', { name: 'Save contact' }).click();
    if (await page.getByTestId('likely-matches').count()) {
      await page.getByRole('button', { name: 'None of these: save the contact' }).click();
    }
    await page.getByText(/^Contact \d+ recorded\./).waitFor();
    await page.getByLabel('Referral to children\'s social care for assessment', { exact: true }).check();
    await page.getByLabel('Reason for the decision').fill('Faltering growth and a cold home: needs a single assessment.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Decision recorded', { exact: true }).waitFor();

    // The manager allocates her from the unallocated list.
    const m = await manager.context.newPage();
    await signIn(m, server.url, 'manager');
    await m.getByRole('link', { name: 'Allocation' }).click();
    const unallocated = m.getByTestId('unallocated');
    await unallocated.getByRole('link', { name: 'Marigold Quenby', exact: true }).waitFor();
    await unallocated.getByRole('link', { name: 'Allocate Marigold Quenby' }).click();
    await m.getByLabel('Social worker').selectOption('socialworker');
    assert.equal(await m.getByLabel('Reason').inputValue(), 'FCONTA');
    await m.getByRole('button', { name: 'Allocate' }).click();
    await m.getByText('Social worker allocated', { exact: true }).waitFor();
    assert.match(await m.getByTestId('social-care').textContent(), /Jess Hartley \(Assessment team north\)/);
    await m.getByRole('link', { name: 'Allocation' }).click();
    assert.equal(await m.getByTestId('unallocated').getByRole('link', { name: 'Marigold Quenby', exact: true }).count(), 0);

    // The social worker finds her on their home page and opens her record as their own work.
    const w = await worker.context.newPage();
    await signIn(w, server.url, 'socialworker');
    const mine = w.getByTestId('my-children');
    await mine.getByRole('link', { name: 'Marigold Quenby' }).click();
    await w.getByTestId('person-name').waitFor();
    assert.equal(await w.getByTestId('person-name').textContent(), 'Marigold Quenby');
  } finally {
    await front.close();
    await manager.close();
    await worker.close();
  }
});
