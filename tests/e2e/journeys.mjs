// Steps several browser journeys share: the front door refers a child not yet known, and a team
// manager allocates them to the demo social worker (Jess Hartley) from the unallocated list.
import assert from 'node:assert/strict';
import { signIn } from './server.mjs';

// `front` is a browser for the front door; `m` a page the manager is (or will be) signed in on.
// `received`, when given, is the day the contact came in (a Date), for a referral in the past.
// Leaves `m` on the child's record.
export async function referAndAllocate(front, m, url, { forename, surname, born, received }) {
  const page = await front.context.newPage();
  await signIn(page, url, 'frontdoor');
  await page.getByRole('link', { name: 'Record a contact' }).first().click();
  if (received) await fillDate(page, 'Date received', received);
  await page.getByLabel('Name', { exact: true }).fill('Ms Quill');
  await page.getByLabel('Relationship to the child, or agency and role').fill('Health visitor');
  await page.getByLabel('Referral source').selectOption('3B');
  await page.getByRole('group', { name: 'Urgency' }).getByLabel('Amber').check();
  await page.getByLabel('What the caller is worried about, in their own words').fill('The baby has lost weight and the home is cold.');
  await page.getByLabel('Consent was not sought').check();
  await page.getByLabel('Lawful basis for sharing without consent').selectOption('safeguarding');
  await page.getByLabel('Find a person').fill(`${forename} ${surname}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('No one found.').waitFor();
  const details = page.locator('#new-person');
  await details.getByLabel('Forename').fill(forename);
  await details.getByLabel('Surname').fill(surname);
  const dob = details.getByRole('group', { name: 'Date of birth', exact: true });
  await dob.getByLabel('Day').fill(born[0]);
  await dob.getByLabel('Month').fill(born[1]);
  await dob.getByLabel('Year').fill(born[2]);
  await details.getByLabel('Female', { exact: true }).check();
  await details.getByRole('button', { name: 'Add new child' }).click();
  await page.getByTestId('people-on-contact').getByRole('term').filter({ hasText: `${forename} ${surname}` }).waitFor();
  await page.getByRole('button', { name: 'Save contact' }).click();
  if (await page.getByTestId('likely-matches').count()) {
    await page.getByRole('button', { name: 'None of these: save the contact' }).click();
  }
  await page.getByText(/^Contact \d+ recorded\./).waitFor();
  await page.getByLabel('Referral to children\'s social care for assessment', { exact: true }).check();
  await page.getByLabel('Reason for the decision').fill('Faltering growth and a cold home: needs a single assessment.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.getByText('Decision recorded', { exact: true }).waitFor();
  await page.close();

  if (!(await m.getByRole('link', { name: 'Allocation' }).count())) await signIn(m, url, 'manager');
  await m.getByRole('link', { name: 'Allocation' }).click();
  const unallocated = m.getByTestId('unallocated');
  await unallocated.getByRole('link', { name: `${forename} ${surname}`, exact: true }).waitFor();
  await unallocated.getByRole('link', { name: `Allocate ${forename} ${surname}` }).click();
  await m.getByLabel('Social worker').selectOption('socialworker');
  assert.equal(await m.getByLabel('Reason').inputValue(), 'FCONTA');
  await m.getByRole('button', { name: 'Allocate' }).click();
  await m.getByText('Social worker allocated', { exact: true }).waitFor();
}

// Types `date` into the GOV.UK date input whose fieldset has the legend `legend`.
export async function fillDate(page, legend, date) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.getUTCDate()));
  await group.getByLabel('Month').fill(String(date.getUTCMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getUTCFullYear()));
}

// Midday (UTC) `n` days before today.
export function daysAgo(n) {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - n);
  return d;
}

// The latest Monday-to-Friday on or before `date` (a conference, for one, is never at a weekend).
export function lastWorkingDay(date) {
  const d = new Date(date);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d;
}

// Midday (UTC) `n` days after today.
export function daysAhead(n) {
  return daysAgo(-n);
}
