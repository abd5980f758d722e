// A care leaver in Debian's Chromium: a 17-year-old, 18 in a fortnight, referred four months ago,
// became looked after 110 days ago; her social worker sees that she is an eligible care leaver with
// her needs assessment and pathway plan due, records it (what she typed survives a missing date),
// and records the end of care two days ago. The manager appoints her personal adviser. The contact
// around her 18th birthday records that the council is in touch, her main activity and her
// accommodation (a missing accommodation is refused at its field), and meets its deadline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';
import { referAndAllocate, fillDate, daysAgo, daysAhead } from './journeys.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('a care leaver: pathway plan, personal adviser and the birthday contact', async () => {
  const front = await launchBrowser();
  const manager = await launchBrowser();
  const worker = await launchBrowser();
  try {
    const born = daysAhead(15);
    born.setUTCFullYear(born.getUTCFullYear() - 18);
    const m = await manager.context.newPage();
    await referAndAllocate(front, m, server.url, {
      forename: 'Keira', surname: 'Lanyon',
      born: [String(born.getUTCDate()), String(born.getUTCMonth() + 1), String(born.getUTCFullYear())],
      received: daysAgo(130),
    });
    const record = m.url().replace(/\?.*$/, '');

    const w = await worker.context.newPage();
    await signIn(w, server.url, 'socialworker');
    await w.goto(record);
    await w.getByRole('link', { name: 'Record becoming looked after' }).click();
    await fillDate(w, 'When did the child become looked after?', daysAgo(110));
    await w.getByLabel('Legal status').selectOption('V2');
    await w.getByLabel('Category of need').selectOption('N4');
    await w.getByLabel('Placement type').selectOption('U6');
    await w.getByLabel('Provider').selectOption('PR1');
    await w.getByLabel('Carers or establishment').fill('Dee and Sam Ortiz');
    await w.getByLabel('Placement postcode').fill('NR5 8AB');
    await w.getByLabel('Ofsted URN').fill('SC100400');
    await w.getByRole('button', { name: 'Record becoming looked after' }).click();
    await w.getByText('Becoming looked after recorded', { exact: true }).waitFor();
    const care = w.url().replace(/\?.*$/, '');

    // Thirteen weeks in care at 17: an eligible care leaver, her pathway plan due.
    await w.getByRole('link', { name: 'Leaving care' }).click();
    const leaving = w.url().replace(/\?.*$/, '');
    assert.match(await w.getByTestId('leaving-summary').textContent(), /Eligible: 16 or 17 and looked after/);
    assert.match(await w.getByTestId('leaving-deadlines').textContent(), /Needs assessment and pathway plan/);
    await w.getByRole('button', { name: 'Record the pathway plan' }).click();
    await w.getByRole('group', { name: 'Date' }).getByLabel('Day').fill('');
    await w.getByLabel('The plan').fill('Keira wants to stay near college; supported lodgings at 18, then a flat.');
    await w.getByRole('button', { name: 'Record plan' }).click();
    await w.locator('.govuk-error-summary').waitFor();
    assert.match(await w.getByLabel('The plan').inputValue(), /supported lodgings/);
    await fillDate(w, 'Date', daysAgo(5));
    await w.getByRole('button', { name: 'Record plan' }).click();
    await w.getByText('Pathway plan recorded', { exact: true }).waitFor();
    assert.match(await w.getByTestId('pathway-plans').textContent(), /supported lodgings/);

    // Care ends two days ago.
    await w.goto(care);
    await w.getByRole('button', { name: 'End care' }).click();
    await fillDate(w, 'When did the child stop being looked after?', daysAgo(2));
    await w.getByLabel('Moved into independent living arrangement with formalised support').check();
    await w.getByRole('button', { name: 'Record the end of care' }).click();
    await w.getByText('End of care recorded', { exact: true }).waitFor();

    // The manager appoints her personal adviser.
    await m.goto(leaving);
    await m.getByRole('link', { name: 'Appoint' }).click();
    await m.getByLabel('Personal adviser').selectOption('socialworker');
    await m.getByRole('button', { name: 'Appoint' }).click();
    await m.getByText('Personal adviser appointed', { exact: true }).waitFor();

    // The contact around her 18th birthday.
    await w.goto(leaving);
    assert.match(await w.getByTestId('leaving-summary').textContent(), /Relevant: 16 or 17 and has left care/);
    assert.match(await w.getByTestId('leaving-deadlines').textContent(), /Contact around the 18th birthday/);
    await w.getByRole('button', { name: 'Record a contact' }).click();
    await w.getByLabel('Yes: the council is in touch with the young person').check();
    await w.getByLabel('Main activity').selectOption('F2');
    await w.getByLabel('Notes').fill('Settled in her lodgings; enrolled at college for September.');
    await w.getByRole('button', { name: 'Record contact' }).click();
    await w.getByText('Choose where the young person lives and whether it is suitable').first().waitFor();
    assert.match(await w.getByLabel('Notes').inputValue(), /enrolled at college/);
    await w.getByLabel('Accommodation, and whether it is suitable').selectOption('E1');
    await w.getByRole('button', { name: 'Record contact' }).click();
    await w.getByText('Contact recorded', { exact: true }).waitFor();
    assert.match(await w.getByTestId('care-leaver-contacts').textContent(), /Supported lodgings: suitable/);
    assert.doesNotMatch(await w.getByTestId('leaving-deadlines').textContent(), /18th birthday/);
    assert.match(await w.getByTestId('leaving-summary').textContent(), /Jess Hartley/);
  } finally {
    await front.close();
    await manager.close();
    await worker.close();
  }
});
