// A child's time in care in Debian's Chromium: a child referred three weeks ago is allocated to the social worker,
// who records that she became looked after two weeks ago (a missing Ofsted URN is shown at its field
// and nothing typed is lost; the placement is in the council's area). The manager appoints the independent reviewing officer (and sees the
// children-in-care dashboard count the child with that officer's children), who finds the
// child in his work and records the first review (what he typed survives a closed browser). The
// social worker records her initial health assessment and education plan, a statutory visit, a move to new carers with the reason the old placement
// ended, and the end of care; the looked-after page shows each SSDA903 episode as it goes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';
import { referAndAllocate, fillDate, daysAgo } from './journeys.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('becoming looked after, a review, a visit, a move and leaving care', async () => {
  const front = await launchBrowser();
  const manager = await launchBrowser();
  const worker = await launchBrowser();
  let reviewer = await launchBrowser();
  try {
    const m = await manager.context.newPage();
    await referAndAllocate(front, m, server.url, { forename: 'Tamsin', surname: 'Oakridge', born: ['9', '3', '2014'], received: daysAgo(21) });
    const record = m.url().replace(/\?.*$/, '');

    // Becoming looked after, two weeks ago.
    const w = await worker.context.newPage();
    await signIn(w, server.url, 'socialworker');
    await w.goto(record);
    await w.getByRole('link', { name: 'Record becoming looked after' }).click();
    await fillDate(w, 'When did the child become looked after?', daysAgo(14));
    await w.getByLabel('Legal status').selectOption('C1');
    await w.getByLabel('Category of need').selectOption('N1');
    await w.getByLabel('Placement type').selectOption('U6');
    await w.getByLabel('Provider').selectOption('PR1');
    await w.getByLabel('Carers or establishment').fill('Ann and Bob Hale');
    await w.getByLabel('Placement postcode').fill('nr2 1aa');
    await w.getByRole('button', { name: 'Record becoming looked after' }).click();
    await w.getByText('Enter the Ofsted URN of the provision').first().waitFor();
    assert.equal(await w.getByLabel('Carers or establishment').inputValue(), 'Ann and Bob Hale');
    await w.getByLabel('Ofsted URN').fill('sc100200');
    await w.getByRole('button', { name: 'Record becoming looked after' }).click();
    await w.getByText('Becoming looked after recorded', { exact: true }).waitFor();
    const care = w.url().replace(/\?.*$/, '');
    let summary = await w.getByTestId('care-summary').textContent();
    assert.match(summary, /Ann and Bob Hale/);
    assert.match(summary, /Interim care order/);
    assert.match(summary, /Not appointed/);
    // NR2 is in the demo council's postcode directory, inside its area.
    assert.match(summary, /in the council's area/);
    assert.match(await w.getByTestId('care-deadlines').textContent(), /Looked-after review/);
    assert.match(await w.getByTestId('care-episodes').textContent(), /SC100200/);

    // The manager appoints the reviewing officer.
    await m.goto(care);
    await m.getByRole('link', { name: 'Appoint' }).click();
    await m.getByLabel('David Lowe').check();
    await m.getByRole('button', { name: 'Appoint' }).click();
    await m.getByText('Reviewing officer appointed', { exact: true }).waitFor();
    // The children-in-care dashboard counts her, with her reviewing officer's children.
    await m.getByRole('link', { name: 'Children in care' }).click();
    const lookedAfter = Number(await m.getByTestId('figure-looked-after').locator('.sg-figure__value').textContent());
    assert.ok(lookedAfter >= 1);
    assert.match(await m.getByTestId('whereabouts').textContent(), /Placed in the council's area/);
    const officer = m.getByTestId('reviewing-officers').getByRole('row').filter({ hasText: 'David Lowe' });
    assert.ok(Number(await officer.getByRole('cell').nth(1).textContent()) >= 1);

    // The reviewing officer finds her in his work; his review survives a closed browser.
    let r = await reviewer.context.newPage();
    await signIn(r, server.url, 'iro');
    await r.getByRole('link', { name: 'My work' }).click();
    await r.getByRole('link', { name: 'Looked after' }).first().click();
    await r.getByRole('button', { name: 'Record a review' }).click();
    await r.getByLabel('Decisions').fill('Tamsin wants to stay with Ann and Bob until home is safe; contact with mum twice a week.');
    await r.getByText(/Draft saved at/).waitFor();
    await reviewer.close();
    reviewer = await launchBrowser();
    r = await reviewer.context.newPage();
    await signIn(r, server.url, 'iro');
    await r.goto(`${care}/reviews/new`);
    await r.getByText('We kept what you typed').waitFor();
    assert.match(await r.getByLabel('Decisions').inputValue(), /twice a week/);
    await r.getByLabel('The child attended and spoke for themself').check();
    await r.getByRole('button', { name: 'Record review' }).click();
    await r.getByText('Choose the permanence plan the review confirmed').first().waitFor();
    await r.getByLabel('Return to parents or family').check();
    await r.getByRole('button', { name: 'Record review' }).click();
    await r.getByText('Review recorded', { exact: true }).waitFor();
    assert.match(await r.getByTestId('care-reviews').textContent(), /David Lowe.*Return to parents or family/s);

    // Her initial health assessment five days ago (the findings survive a missing choice), and her
    // personal education plan: the deadlines move on to the review and the next term's plan.
    await w.goto(care);
    await w.getByRole('link', { name: 'Health and education' }).click();
    assert.match(await w.getByTestId('health-deadlines').textContent(), /Initial health assessment/);
    await w.getByRole('button', { name: 'Record a health check' }).click();
    await fillDate(w, 'When was it?', daysAgo(5));
    await w.getByLabel('What was found, and what follows').fill('Eczema: cream prescribed. Dentist booked.');
    await w.getByRole('button', { name: 'Record check' }).click();
    await w.getByText('Choose the kind of health check').first().waitFor();
    assert.match(await w.getByLabel('What was found, and what follows').inputValue(), /Dentist booked/);
    await w.getByLabel('Initial health assessment').check();
    await w.getByRole('button', { name: 'Record check' }).click();
    await w.getByText('Health check recorded', { exact: true }).waitFor();
    assert.match(await w.getByTestId('health-deadlines').textContent(), /Review health assessment/);
    assert.match(await w.getByTestId('health-checks').textContent(), /Dentist booked/);
    await w.getByRole('button', { name: 'Record a PEP meeting' }).click();
    await fillDate(w, 'When was the meeting?', daysAgo(4));
    await w.getByLabel('School, college or nursery').fill('Riverside Academy');
    await w.getByLabel('The plan').fill('Maths tutor twice a week; Tamsin wants to join the choir.');
    await w.getByRole('button', { name: 'Record plan' }).click();
    await w.getByText('Personal education plan recorded', { exact: true }).waitFor();
    assert.match(await w.getByTestId('education-plans').textContent(), /Riverside Academy/);
    assert.match(await w.getByTestId('health-deadlines').textContent(), /reviewed this term/);

    // A statutory visit, then a move to new carers three days ago.
    await w.goto(care);
    await w.getByRole('button', { name: 'Record a visit' }).click();
    await fillDate(w, 'When was the visit?', daysAgo(10));
    await w.getByLabel('Yes, seen alone').check();
    await w.getByLabel('What the child said').fill('I like my room but I miss my cat.');
    await w.getByLabel('What you saw').fill('Tamsin was settled and chatting with Ann.');
    await w.getByRole('button', { name: 'Record visit' }).click();
    await w.getByText('Visit recorded', { exact: true }).waitFor();
    await w.goto(care);
    await w.getByRole('button', { name: 'Record a change' }).click();
    assert.equal(await w.getByLabel('Carers or establishment').inputValue(), 'Ann and Bob Hale');
    await fillDate(w, 'When did it change?', daysAgo(3));
    await w.getByLabel('Yes: a new placement').check();
    await w.getByLabel('Carers or establishment').fill('Cara Ngo');
    await w.getByLabel('Placement postcode').fill('NR3 4BB');
    await w.getByRole('button', { name: 'Record change' }).click();
    await w.getByText('Choose why the placement with Ann and Bob Hale ended').first().waitFor();
    await w.getByLabel('Why did the placement with Ann and Bob Hale end?').selectOption('CREQO');
    await w.getByRole('button', { name: 'Record change' }).click();
    await w.getByText('Change recorded', { exact: true }).waitFor();
    summary = await w.getByTestId('care-summary').textContent();
    assert.match(summary, /Cara Ngo/);
    const episodes = await w.getByTestId('care-episodes').textContent();
    assert.match(episodes, /CREQO/);
    assert.match(episodes, /NR3 4BB/);

    // Care ends today: she goes home as planned.
    await w.getByRole('button', { name: 'End care' }).click();
    await w.getByLabel('Returned home to live with parents, relatives or other person with parental responsibility, as part of the care plan').check();
    await w.getByRole('button', { name: 'Record the end of care' }).click();
    await w.getByText('End of care recorded', { exact: true }).waitFor();
    await w.getByText('This child is not looked after now.').waitFor();
    assert.match(await w.getByTestId('care-episodes').textContent(), /E4A/);
  } finally {
    await front.close();
    await manager.close();
    await worker.close();
    await reviewer.close();
  }
});
