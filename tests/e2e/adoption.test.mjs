// Adoption in Debian's Chromium: a toddler referred 300 days ago became looked after 280 days ago
// with foster carers who are approved adopters. Her social worker records that she had no previous
// permanence order (the looked-after page showed it not recorded), then the agency decision
// maker's decision that she should be placed for adoption; the placement order is a change of
// legal status. The match with her foster carers (a couple's relationship is refused as "single"
// at its field) comes before she is placed with them for adoption (A5), and the adoption order ends
// care; the adoption page reads the journey back, and the children-in-care dashboard counts her.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';
import { referAndAllocate, fillDate, daysAgo } from './journeys.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('adoption: decision, placement order, match, placement and adoption order', async () => {
  const front = await launchBrowser();
  const manager = await launchBrowser();
  const worker = await launchBrowser();
  try {
    const born = daysAgo(800);
    const m = await manager.context.newPage();
    await referAndAllocate(front, m, server.url, {
      forename: 'Poppy', surname: 'Trelawney',
      born: [String(born.getUTCDate()), String(born.getUTCMonth() + 1), String(born.getUTCFullYear())],
      received: daysAgo(300),
    });
    const record = m.url().replace(/\?.*$/, '');

    const w = await worker.context.newPage();
    await signIn(w, server.url, 'socialworker');
    await w.goto(record);
    await w.getByRole('link', { name: 'Record becoming looked after' }).click();
    await fillDate(w, 'When did the child become looked after?', daysAgo(280));
    await w.getByLabel('Legal status').selectOption('C2');
    await w.getByLabel('Category of need').selectOption('N1');
    await w.getByLabel('Placement type').selectOption('U5');
    await w.getByLabel('Provider').selectOption('PR1');
    await w.getByLabel('Carers or establishment').fill('Ann and Bob Hale');
    await w.getByLabel('Placement postcode').fill('NR2 1AA');
    await w.getByLabel('Ofsted URN').fill('SC100500');
    await w.getByRole('button', { name: 'Record becoming looked after' }).click();
    await w.getByText('Becoming looked after recorded', { exact: true }).waitFor();
    const care = w.url().replace(/\?.*$/, '');

    // Previous permanence, shown as not recorded until it is.
    assert.match(await w.getByTestId('care-summary').textContent(), /Previous permanence\s*Not recorded/);
    await w.getByTestId('care-summary').getByRole('link', { name: 'Record previous permanence' }).click();
    await w.getByLabel('No previous permanence order').check();
    await w.getByRole('button', { name: 'Record' }).click();
    await w.getByText('Previous permanence recorded', { exact: true }).waitFor();
    const adoption = w.url().replace(/\?.*$/, '');
    assert.match(await w.getByTestId('previous-permanence').textContent(), /No previous permanence order/);

    // The decision, then the placement order.
    await w.getByRole('button', { name: 'Record a decision that the child should be placed for adoption' }).click();
    await fillDate(w, 'When did the agency decision maker decide?', daysAgo(200));
    await w.getByLabel("The decision maker's reasons").fill('No one in the family can care for Poppy safely.');
    await w.getByRole('button', { name: 'Record decision' }).click();
    await w.getByText('Decision recorded', { exact: true }).waitFor();
    await w.goto(care);
    await w.getByRole('button', { name: 'Record a change' }).click();
    await fillDate(w, 'When did it change?', daysAgo(150));
    await w.getByLabel('New legal status').selectOption('E1');
    await w.getByLabel('No', { exact: true }).check();
    await w.getByRole('button', { name: 'Record change' }).click();
    await w.getByText('Change recorded', { exact: true }).waitFor();

    // The match: two adopters are a couple, not single.
    await w.goto(adoption);
    await w.getByRole('button', { name: 'Record the match' }).click();
    await fillDate(w, 'When was the child matched?', daysAgo(100));
    await w.getByLabel('A woman and a man').check();
    await w.getByLabel('Single: adopting alone').check();
    await w.getByRole('button', { name: 'Record match' }).click();
    await w.getByText('For two adopters choose married, civil partners or not married').first().waitFor();
    await w.getByLabel('Married', { exact: true }).check();
    await w.getByRole('button', { name: 'Record match' }).click();
    await w.getByText('Match recorded', { exact: true }).waitFor();

    // Placed for adoption with the same carers, then the adoption order.
    await w.goto(care);
    await w.getByRole('button', { name: 'Record a change' }).click();
    await fillDate(w, 'When did it change?', daysAgo(60));
    await w.getByLabel('Yes: a new placement').check();
    await w.getByLabel('Placement type', { exact: true }).selectOption('A5');
    await w.getByLabel('Why did the placement with Ann and Bob Hale end?').selectOption('PLACE');
    await w.getByRole('button', { name: 'Record change' }).click();
    await w.getByText('Change recorded', { exact: true }).waitFor();
    await w.getByRole('button', { name: 'End care' }).click();
    await fillDate(w, 'When did the child stop being looked after?', daysAgo(5));
    await w.getByLabel('Adopted: application unopposed').check();
    await w.getByRole('button', { name: 'Record the end of care' }).click();
    await w.getByText('End of care recorded', { exact: true }).waitFor();

    await w.goto(adoption);
    const journey = await w.getByTestId('adoption-decision').textContent();
    assert.match(journey, /A woman and a man, married \(L11\)/);
    assert.match(journey, /the child's foster carers/);
    assert.match(journey, /Days from entering care to moving in with the adopters\s*220/);
    assert.match(await w.getByTestId('previous-permanence').textContent(), /Adopted: application unopposed/);

    await m.goto(`${server.url}/children-in-care`);
    const row = m.getByTestId('adoption').getByRole('row').filter({ hasText: 'Adopted in the twelve months' });
    assert.ok(Number(await row.getByRole('cell').nth(1).textContent()) >= 1);
  } finally {
    await front.close();
    await manager.close();
    await worker.close();
  }
});
